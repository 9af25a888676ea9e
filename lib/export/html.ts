import { VERDICT_SCALE, VERDICTS, kindTakesVerdict } from "../domain/annotation";
import { writeClaimReviewsJson } from "./claimreview";
import { EXPORT_CSP } from "./csp";
import { textDirection } from "../domain/language";
import { escapeAttr, escapeHtml } from "./escape";
import { renderArticleText } from "./html-body";
import { dateTimeHtml, linkHtml, renderNotes, timeHtml, type RevisionContext } from "./html-notes";
import { numberAnnotations, revisionOf, type NumberedAnnotation } from "./model";
import type { ExportSnapshot } from "./snapshot";
import { STYLESHEET } from "./style";

const ARTICLE_STATUS_LABELS = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SIGNED_OFF: "Signed off",
  REOPENED: "Reopened",
} as const;

/**
 * One self-contained, annotated HTML5 file: readable without JavaScript,
 * printable in greyscale, with the ClaimReview JSON-LD in the head. Everything
 * from the snapshot is escaped (escapeHtml for text, escapeAttr for attribute
 * values, jsonForScript in the JSON-LD). The output is an array of strings
 * joined once at the end; each block and each note is first joined on its
 * own, which keeps the number of live strings (and so garbage collection)
 * proportional to blocks + notes: joining everything once, or in larger
 * chunks, measured slower.
 * Linear in text length + annotations: annotations are bucketed by block in
 * one sweep (layout.ts), never filtered per block.
 */
export function exportHtml(snapshot: ExportSnapshot): string {
  const { article, publisher } = snapshot;
  const numbered = numberAnnotations(article);
  const out: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Fact-check: ${escapeHtml(article.title)} — ${escapeHtml(publisher)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '<script type="application/ld+json">',
  ];
  writeClaimReviewsJson(out, snapshot, numbered);
  out.push("</script></head><body><main>");
  renderHeader(out, snapshot);
  renderSummary(out, numbered);
  renderLegend(out);
  // The page around it is in English; the article is in its own language and direction (Arabic reads right to left).
  const language = article.language
    ? ` lang="${escapeAttr(article.language)}" dir="${textDirection(article.language)}"`
    : "";
  out.push(`<article id="article-text" class="article-text" aria-label="Article text"${language}>`);
  renderArticleText(out, article, numbered);
  out.push("</article>");
  const revisions: RevisionContext = {
    current: article.revision.number,
    of: (annotation) => revisionOf(article, annotation),
  };
  renderNotes(out, numbered, revisions);
  renderCorrections(out, article);
  // The published address only: without one the file names none (never the workbench's).
  const online = snapshot.publicUrl ? ` Online version: ${linkHtml(snapshot.publicUrl, null)}` : "";
  out.push(
    `<footer><p>Exported ${timeHtml(snapshot.exportedAt)} by ${escapeHtml(publisher)} with Factmark.${online}</p></footer>`,
  );
  out.push("</main></body></html>\n");
  return out.join("");
}

function renderHeader(out: string[], { article, publisher }: ExportSnapshot): void {
  out.push("<header>");
  if (article.status !== "SIGNED_OFF") {
    out.push(
      '<p class="draft-banner" role="note"><strong>DRAFT — not signed off</strong><span>A reviewer has not signed off this fact-check; its verdicts may still change.</span></p>',
    );
  }
  out.push(
    `<p class="eyebrow">Fact-check by ${escapeHtml(publisher)}</p><h1>${escapeHtml(article.title)}</h1><dl class="meta">`,
  );
  const row = (term: string, html: string) => out.push(`<dt>${term}</dt><dd>${html}</dd>`);
  if (article.sourceUrl) row("Source", linkHtml(article.sourceUrl, null));
  if (article.publisher) row("Published by", escapeHtml(article.publisher));
  if (article.author) row("Author", escapeHtml(article.author));
  if (article.publishedAt) row("Published", timeHtml(article.publishedAt));
  if (article.status === "SIGNED_OFF") {
    const signOff = article.signOff;
    row("Signed off", signOff ? `by ${escapeHtml(signOff.reviewer.name)} on ${timeHtml(signOff.at)}` : "yes");
  } else {
    row("Status", `${ARTICLE_STATUS_LABELS[article.status]} (not signed off)`);
  }
  out.push("</dl>");
  // Which text this fact-check is of: the article may have been corrected since it was first checked.
  const { number, createdAt } = article.revision;
  const log = number > 1 ? ' (see the <a href="#corrections">corrections log</a>)' : "";
  out.push(`<p class="muted">Revision ${number}, ${dateTimeHtml(createdAt)}${log}.</p></header>`);
}

/**
 * Every revision of the article, oldest first, with its date and the note given
 * when it was added ("correction appended at 14:00"); the first is the original
 * text. Who added a revision is the team's business and is left out.
 */
function renderCorrections(out: string[], article: ExportSnapshot["article"]): void {
  const history = article.history.length > 0 ? article.history : [article.revision];
  out.push(
    '<section id="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">Corrections log</h2><ol class="corrections">',
  );
  for (const [i, revision] of history.entries()) {
    const what =
      i === 0 ? "Original text." : revision.note ? escapeHtml(revision.note) : "Revised (no note was given).";
    const current = revision.number === article.revision.number ? " This fact-check is of this revision." : "";
    out.push(
      `<li><strong>Revision ${revision.number}</strong>, ${dateTimeHtml(revision.createdAt)}: ${what}${current}</li>`,
    );
  }
  out.push("</ol></section>");
}

function renderSummary(out: string[], numbered: readonly NumberedAnnotation[]): void {
  const counts = new Map<string, number>();
  let unrated = 0;
  let notRated = 0;
  const kinds = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  // Only what is placed in this revision: an orphan's verdict is about words the text no longer has.
  const placed = numbered.filter((entry) => entry.anchored);
  const unplaced = numbered.length - placed.length;
  for (const { annotation } of placed) {
    kinds[annotation.kind]++;
    if (!kindTakesVerdict(annotation.kind)) continue;
    if (annotation.verdict) counts.set(annotation.verdict, (counts.get(annotation.verdict) ?? 0) + 1);
    else if (annotation.notRatedReason) notRated++;
    else unrated++;
  }
  out.push('<section class="panel" aria-labelledby="verdicts-heading"><h2 id="verdicts-heading">Verdicts</h2>');
  out.push(`<p>${placed.length} annotation${placed.length === 1 ? "" : "s"}: `);
  out.push(
    `${kinds.CLAIM} claim${kinds.CLAIM === 1 ? "" : "s"}, ${kinds.DENIAL} denial${kinds.DENIAL === 1 ? "" : "s"}, ${kinds.ANALYSIS} ${kinds.ANALYSIS === 1 ? "analysis" : "analyses"}.</p>`,
  );
  if (unplaced > 0)
    out.push(`<p>${unplaced} more could not be placed in this revision: see <a href="#appendix">the appendix</a>.</p>`);
  out.push(
    '<table><caption class="muted">Claims and denials by verdict</caption><thead><tr><th scope="col">Verdict</th><th scope="col">Rating</th><th scope="col">Count</th></tr></thead><tbody>',
  );
  for (const verdict of VERDICTS) {
    const { label, rating } = VERDICT_SCALE[verdict];
    out.push(
      `<tr><th scope="row">${label}</th><td>${rating === null ? "no rating" : `${rating}/5`}</td><td class="num">${counts.get(verdict) ?? 0}</td></tr>`,
    );
  }
  out.push(`<tr><th scope="row">Not rated (reason given)</th><td>—</td><td class="num">${notRated}</td></tr>`);
  out.push(
    `<tr><th scope="row">Not rated yet</th><td>—</td><td class="num">${unrated}</td></tr></tbody></table></section>`,
  );
}

function renderLegend(out: string[]): void {
  out.push(
    '<section class="panel legend" aria-labelledby="legend-heading"><h2 id="legend-heading">How to read the annotations</h2><ul>',
    '<li><span class="swatch k-claim">Claim</span>: solid underline. An assertion someone made, checked here.</li>',
    '<li><span class="swatch k-denial">Denial</span>: wavy underline. Someone rejecting a claim.</li>',
    '<li><span class="swatch k-analysis">Analysis</span>: dotted line above. Expert or editorial commentary.</li>',
    '<li><span class="swatch k-claim overlap">Darker</span> (outlined in print): a passage under more than one annotation.</li>',
    "</ul><p>A number in brackets, such as [1], follows the end of each annotated passage and links to its note.</p></section>",
  );
}
