import { describe, expect, it } from "vitest";
import type { Block } from "../domain/article";
import { exportHtml } from "./html";
import { STYLESHEET } from "./style";
import {
  annotation,
  approval,
  article,
  attr,
  byId,
  byTag,
  elements,
  htmlProblems,
  isRefMarker,
  parseHtml,
  snapshot,
  source,
  textContent,
} from "./test-helpers";

/** Hostile strings, each placed in every user-supplied field of an export. */
const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</style><script>alert(1)</script>",
  "</script><script>alert(1)</script>",
  "</title><script>alert(2)</script>",
  "<!-- hide --> --!> <!--",
  "&amp; &lt;b&gt; &#x3C;script&#x3E;",
  "javascript:alert(1)",
  '<a href="javascript:alert(1)">click</a>',
  "<iframe src=//evil.example></iframe><link rel=stylesheet href=//evil.example/x.css>",
  "\u202Egnp.exe\u202C right-to-left override",
  "emoji 🧨 👩🏽‍🚀 and ZWJ",
  "line\r\nbreaks\rand\nmore",
  "{{constructor.constructor('alert(1)')()}}",
];
const BAD_URLS = [
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  '"><script>alert(1)</script>',
  "//evil.example/x",
];

const text = HOSTILE.join("\n\n");
const blocks: Block[] = [];
let offset = 0;
for (const value of HOSTILE) {
  blocks.push({ type: "paragraph", start: offset, end: offset + value.length });
  offset += value.length + 2;
}

const annotations = HOSTILE.map((value, i) =>
  annotation(text, {
    id: `a${i}`,
    kind: (["CLAIM", "DENIAL", "ANALYSIS"] as const)[i % 3],
    start: blocks[i].start,
    end: blocks[i].end,
    speaker: value,
    note: value,
    publicNote: value,
    rationale: value,
    verdict: i % 3 === 2 ? null : "FALSE",
    deniesId: i % 3 === 1 ? "a0" : null,
    createdBy: { id: "u", name: value },
    lastReview: approval("2024-03-02T10:00:00.000Z", { id: "r", name: value }),
    sources: [
      source(BAD_URLS[i % BAD_URLS.length], {
        title: value,
        publisher: value,
        quote: value,
        archiveUrl: BAD_URLS[(i + 1) % BAD_URLS.length],
      }),
      source(`https://ok.example/${i}?q="><script>`, { title: value, archiveUrl: "javascript:alert(1)" }),
    ],
  }),
);

const view = article(text, blocks, annotations, {
  title: HOSTILE.join(" "),
  author: HOSTILE[1],
  publisher: HOSTILE[3],
  sourceUrl: "javascript:alert(1)",
  signOff: approval("2024-03-02T10:00:00.000Z", { id: "r", name: HOSTILE[4] }),
});
const html = exportHtml(
  snapshot(view, {
    publisher: HOSTILE[5],
    articleUrl: 'https://factmark.example/articles/a1?"><script>alert(1)</script>',
    publicUrl: 'https://ok.example/7?q="><script>',
  }),
);
const document = parseHtml(html);
const all = elements(document);

describe("exportHtml with hostile data", () => {
  it("stays valid HTML (conformance checker) whatever the fields carry", async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("has no script but the JSON-LD one, and it still parses", () => {
    const scripts = byTag(document, "script");
    expect(scripts.map((script) => attr(script, "type"))).toEqual(["application/ld+json"]);
    const reviews = JSON.parse(textContent(scripts[0])) as { itemReviewed: { author?: { name: string } } }[];
    expect(reviews.map((review) => review.itemReviewed.author?.name)).toEqual(HOSTILE.filter((_, i) => i % 3 !== 2));
  });

  it("creates no element the export does not write itself", () => {
    const allowed = new Set([
      "html",
      "head",
      "meta",
      "title",
      "style",
      "script",
      "body",
      "main",
      "header",
      "p",
      "strong",
      "span",
      "h1",
      "h2",
      "dl",
      "dt",
      "dd",
      "a",
      "time",
      "section",
      "table",
      "caption",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "ul",
      "ol",
      "li",
      "article",
      "mark",
      "sup",
      "blockquote",
      "footer",
    ]);
    expect([...new Set(all.map((element) => element.tagName))].filter((tag) => !allowed.has(tag))).toEqual([]);
    expect(byTag(document, "style")).toHaveLength(1);
    expect(textContent(byTag(document, "style")[0])).toBe(STYLESHEET);
  });

  it("has no event handler attributes and nothing that loads", () => {
    for (const element of all) {
      for (const { name } of element.attrs)
        expect(name).not.toMatch(/^on|^src$|^srcset$|^action$|^formaction$|^style$/);
    }
  });

  it("links only to #fragments and http(s) URLs from the data", () => {
    const hrefs = all.map((element) => attr(element, "href")).filter((href): href is string => href !== undefined);
    const external = hrefs.filter((href) => !href.startsWith("#"));
    expect(external.length).toBeGreaterThan(0);
    for (const href of external) expect(href).toMatch(/^https:\/\/ok\.example\/\d+\?q="><script>$/);
    for (const href of hrefs)
      expect(href.replace(/[\s\u0000-\u001f]/g, "").toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  });

  it("gives every string back verbatim", () => {
    expect(textContent(byTag(document, "h1")[0])).toBe(view.title);
    expect(textContent(byTag(document, "title")[0])).toBe(`Fact-check: ${view.title} — ${HOSTILE[5]}`);
    expect(textContent(byTag(document, "article")[0], isRefMarker)).toBe(text);
    annotations.forEach((a, i) => {
      const marks = byTag(document, "mark").filter((mark) => attr(mark, "data-annotations") === a.id);
      expect(marks.map((mark) => textContent(mark)).join("")).toBe(a.quote);
      const note = textContent(byId(document, `note-${i + 1}`)!);
      expect(note).toContain(`Speaker: ${HOSTILE[i]}`);
      expect(note).toContain(`Remark for readers: ${HOSTILE[i]}`);
      expect(note).toContain(`Approved by ${HOSTILE[i]} on`);
      expect(note).toContain(`Annotated by ${HOSTILE[i]}.`);
      expect(note).toContain(`${HOSTILE[i]} (${BAD_URLS[i % BAD_URLS.length]})`);
    });
    const header = textContent(byTag(document, "header")[0]);
    expect(header).toContain(`Sourcejavascript:alert(1)`);
    expect(header).toContain(`Signed offby ${HOSTILE[4]} on`);
    expect(header).toContain(`Fact-check by ${HOSTILE[5]}`);
  });
});

describe("exportHtml of a revised article with hostile data (#16)", () => {
  // Fifteen revisions, each note hostile; CHANGED annotations whose old words are hostile, and orphans.
  const history = HOSTILE.map((value, i) => ({
    id: `r${i + 1}`,
    number: i + 1,
    note: i === 0 ? null : value,
    createdAt: `2026-11-30T${String(i).padStart(2, "0")}:00:00.000Z`,
    createdBy: { id: "u", name: value },
    reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
  }));
  const current = history[history.length - 1];
  const revised = annotations.map((a, i) =>
    i % 2 === 0
      ? {
          ...a,
          revisionId: current.id,
          anchor: { status: "CHANGED" as const, score: 0.5 },
          previousQuote: HOSTILE[i],
          status: "DRAFT" as const,
        }
      : { ...a, revisionId: "r1", anchor: { status: "ORPHANED" as const, score: 0 }, status: "ORPHANED" as const },
  );
  const revisedView = {
    ...view,
    status: "REOPENED" as const,
    signOff: null,
    annotations: revised,
    revision: { ...view.revision, id: current.id, number: current.number, createdAt: current.createdAt },
    history,
  };
  const out = exportHtml(snapshot(revisedView));
  const parsed = parseHtml(out);

  it("stays valid, with the JSON-LD the only script and no handler or loading attribute", async () => {
    expect(await htmlProblems(out)).toEqual([]);
    expect(byTag(parsed, "script").map((script) => attr(script, "type"))).toEqual(["application/ld+json"]);
    for (const element of elements(parsed))
      for (const { name } of element.attrs) expect(name).not.toMatch(/^on|^src$|^srcset$|^style$/);
  });

  it("gives the revision notes, old words and orphans’ quotes back verbatim", () => {
    const log = byTag(byId(parsed, "corrections")!, "li").map((li) => textContent(li));
    expect(log).toHaveLength(HOSTILE.length);
    log.slice(1).forEach((entry, i) => expect(entry).toContain(`: ${HOSTILE[i + 1]}`));
    const appendix = textContent(byId(parsed, "appendix")!);
    revised.forEach((a, i) => {
      if (i % 2 === 0) expect(textContent(byId(parsed, "notes")!)).toContain(`They read:${HOSTILE[i]}`);
      else expect(appendix).toContain(`which are not in revision ${current.number}:${a.quote}`);
    });
    expect(textContent(byTag(parsed, "article")[0], isRefMarker)).toBe(text);
  });
});
