/**
 * The export's only stylesheet, inlined in one <style>. Kinds are told apart
 * by line patterns (claim: solid underline, denial: wavy underline, analysis:
 * dotted overline) that survive greyscale print; colours only add to them.
 * Each pattern uses its own CSS property so overlapping kinds show together.
 */
export const PALETTE = {
  text: "#1b1b1b",
  muted: "#4a4a4a",
  page: "#ffffff",
  link: "#0645ad",
  rule: "#6b6b6b",
  draftText: "#ffffff",
  draftBackground: "#a50e0e",
  claim: "#fff0a8",
  denial: "#ffdada",
  analysis: "#dcebff",
  overlap: "#ffd27f",
  panel: "#f4f4f4",
} as const;

/** Every text colour on every background it is used on (checked against WCAG AA in style.test.ts). */
export const TEXT_ON_BACKGROUND: ReadonlyArray<[text: string, background: string, where: string]> = [
  [PALETTE.text, PALETTE.page, "body text"],
  [PALETTE.muted, PALETTE.page, "secondary text"],
  [PALETTE.muted, PALETTE.panel, "secondary text in panels"],
  [PALETTE.text, PALETTE.panel, "text in panels"],
  [PALETTE.link, PALETTE.page, "links"],
  [PALETTE.link, PALETTE.panel, "links in panels"],
  [PALETTE.draftText, PALETTE.draftBackground, "draft banner"],
  [PALETTE.text, PALETTE.claim, "claim highlight"],
  [PALETTE.text, PALETTE.denial, "denial highlight"],
  [PALETTE.text, PALETTE.analysis, "analysis highlight"],
  [PALETTE.text, PALETTE.overlap, "overlapping highlights"],
];

const P = PALETTE;
const SANS = 'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';

export const STYLESHEET = [
  ":root{color-scheme:light}",
  "*{box-sizing:border-box}",
  `body{margin:0;background:${P.page};color:${P.text};font:1.0625rem/1.65 Georgia,Cambria,"Times New Roman",serif}`,
  "main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 4rem}",
  `h1,h2,h3,h4,h5,h6,.meta,.eyebrow,.notes .head,.panel,footer{font-family:${SANS}}`,
  "h1,h2,h3,h4,h5,h6{line-height:1.25}",
  `a{color:${P.link}}`,
  `a:focus-visible{outline:3px solid ${P.link};outline-offset:2px}`,
  `.draft-banner{margin:0 0 1.25rem;padding:.75rem 1rem;border:4px solid ${P.text};background:${P.draftBackground};color:${P.draftText};font:700 1.25rem/1.35 ${SANS}}`,
  ".draft-banner span{display:block;font-size:1rem;font-weight:400}",
  `.eyebrow{margin:0;color:${P.muted};font-size:.95rem}`,
  ".meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0;font-size:.95rem}",
  ".meta dt{font-weight:700}.meta dd{margin:0;overflow-wrap:anywhere}",
  `.panel{background:${P.panel};padding:.75rem 1rem;margin:1.5rem 0;border-left:4px solid ${P.rule}}`,
  ".panel h2{margin:.25rem 0 .5rem;font-size:1.1rem}",
  `table{border-collapse:collapse;font-size:.95rem}th,td{border:1px solid ${P.rule};padding:.2rem .6rem;text-align:left}td.num{text-align:right}`,
  ".legend ul{margin:.25rem 0;padding-left:1.25rem}",
  ".article-text{margin:2rem 0}",
  ".article-text p,.article-text li,.article-text h2,.article-text h3,.article-text h4,.article-text h5,.article-text h6{white-space:pre-line}",
  `.article-text blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid ${P.rule}}`,
  ".gap{display:none}",
  `mark,.swatch{color:${P.text};padding:0 .05em}`,
  `.k-claim{background:${P.claim};border-bottom:2px solid ${P.text}}`,
  `.k-denial{background:${P.denial};text-decoration:underline wavy ${P.text};text-decoration-thickness:1px;text-underline-offset:.28em;text-decoration-skip-ink:none}`,
  `.k-analysis{background:${P.analysis};border-top:2px dotted ${P.text}}`,
  `.overlap{background:${P.overlap}}`,
  `sup.ref{font:700 .72em/0 ${SANS};margin-left:.1em}sup.ref a{text-decoration:none}`,
  "#notes{margin-top:2.5rem}",
  ".notes{list-style:none;padding:0}",
  `.notes>li{margin:0 0 1.25rem;padding:.5rem 0 .5rem 1rem;border-left:4px solid ${P.rule}}`,
  `.notes>li:target{background:${P.panel}}`,
  ".notes .head{margin:0 0 .25rem;font-size:.95rem}",
  ".notes p{margin:.25rem 0;white-space:pre-line}",
  `.notes blockquote{margin:.25rem 0 .25rem .5rem;padding-left:.75rem;border-left:3px solid ${P.rule};white-space:pre-line}`,
  ".notes .sources{margin:.25rem 0;padding-left:1.25rem}",
  `.muted{color:${P.muted}}`,
  ".verdict{font-weight:700}",
  ".orphan{font-style:italic}",
  `footer{margin-top:3rem;color:${P.muted};font-size:.85rem;overflow-wrap:anywhere}`,
  "@page{margin:18mm 16mm}",
  "@media print{",
  "body{font-size:11pt;color:#000;background:#fff}",
  "main{max-width:none;padding:0}",
  "a{color:#000}",
  "mark,.swatch,.panel,.notes>li:target{background:none!important}",
  ".k-claim{border-bottom-color:#000}.k-denial{text-decoration-color:#000}.k-analysis{border-top-color:#000}",
  ".overlap{outline:1px solid #000}",
  ".draft-banner{background:none;color:#000;border:4px double #000}",
  "#notes{border-top:2px solid #000;padding-top:.5rem}",
  ".notes>li{break-inside:avoid;border-left-color:#000}",
  'a.url[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere}',
  "h1,h2,h3,h4,h5,h6{break-after:avoid}",
  "}",
].join("");
