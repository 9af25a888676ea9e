import { describe, expect, it } from "vitest";
import type { RevisionSummary } from "../views/article-view";
import { claimReviews } from "./claimreview";
import { exportCsv, type CSV_HEADER } from "./csv";
import { exportHtml } from "./html";
import {
  annotation,
  article,
  attr,
  byId,
  byTag,
  elements,
  htmlProblems,
  parseHtml,
  snapshot,
  spanOf,
  textContent,
} from "./test-helpers";
import { annotationIri, parseW3c, placeParsed, w3cCollection } from "./w3c";
import { checkW3c } from "./w3c-conformance";
import { numberAnnotations } from "./model";

/**
 * Issue #16, exports: an article on its third revision, with an annotation carried
 * unchanged, one whose words were corrected (CHANGED, a draft again), one orphaned on
 * revision 1 (its sentence was removed) and one left on revision 2 without being marked
 * orphaned (bad data: it must be treated as not placed all the same).
 */
const original = "The minister said prices rose 20% last year. He also said wages doubled. Critics disagree.";
const second = "The minister said prices rose 20% last year. Critics disagree strongly.";
const text = "The minister said prices rose 12% last year. Critics disagree. Nobody said wages doubled in March.";

const revision = (id: string, number: number, createdAt: string, note: string | null): RevisionSummary => ({
  id,
  number,
  note,
  createdAt,
  createdBy: { id: "u-editor", name: "Edna Editor" },
  reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
});
const history = [
  revision("r1", 1, "2026-11-30T09:00:00.000Z", null),
  revision("r2", 2, "2026-11-30T12:30:00.000Z", "Sentence removed <b>& figure checked</b>"),
  revision("r3", 3, "2026-11-30T14:02:00.000Z", null),
];

const kept = annotation(text, {
  id: "kept",
  revisionId: "r3",
  kind: "ANALYSIS",
  number: 1,
  ...spanOf(text, "Critics disagree"),
});
const changed = annotation(text, {
  id: "changed",
  revisionId: "r3",
  number: 2,
  ...spanOf(text, "prices rose 12%"),
  anchor: { status: "CHANGED", score: 0.8 },
  previousQuote: "prices rose 20%",
  status: "DRAFT",
  lastReview: null,
  verdict: "FALSE",
  rationale: "The office says 2%.",
});
const orphan = annotation(original, {
  id: "orphan",
  revisionId: "r1",
  number: 3,
  ...spanOf(original, "wages doubled"),
  anchor: { status: "ORPHANED", score: 0 },
  status: "ORPHANED",
  verdict: "MOSTLY_FALSE",
  rationale: "Wages rose 4%.",
  speaker: "The minister",
});
const stale = annotation(second, {
  id: "stale",
  revisionId: "r2",
  number: 4,
  ...spanOf(second, "Critics disagree strongly"),
  verdict: "TRUE",
  status: "APPROVED",
});

const view = article(text, [{ type: "paragraph", start: 0, end: text.length }], [stale, orphan, changed, kept], {
  status: "REOPENED",
  signOff: null,
  revision: { id: "r3", number: 3, text, blocks: [], note: null, createdAt: "2026-11-30T14:02:00.000Z" },
  history,
});
const shot = snapshot(view);

describe("HTML export of a revised article", () => {
  const html = exportHtml(shot);
  const document = parseHtml(html);
  const marks = byTag(byTag(document, "article")[0], "mark");
  const marked = new Set(marks.flatMap((mark) => attr(mark, "data-annotations")!.split(" ")));

  it("names the revision it shows and its date, linking to the corrections log", () => {
    expect(textContent(byTag(document, "header")[0])).toContain(
      "Revision 3, 30 November 2026 14:02 UTC (see the corrections log).",
    );
    expect(html).toContain('<time datetime="2026-11-30T14:02:00.000Z">30 November 2026 14:02 UTC</time>');
  });

  it("carries a corrections log: every revision with its date and note, the first the original text, notes escaped", () => {
    const log = byTag(byId(document, "corrections")!, "li").map((li) => textContent(li));
    expect(log).toEqual([
      "Revision 1, 30 November 2026 09:00 UTC: Original text.",
      "Revision 2, 30 November 2026 12:30 UTC: Sentence removed <b>& figure checked</b>",
      "Revision 3, 30 November 2026 14:02 UTC: Revised (no note was given). This fact-check is of this revision.",
    ]);
    expect(html).toContain("Sentence removed &lt;b&gt;&amp; figure checked&lt;/b&gt;");
    expect(byTag(byId(document, "corrections")!, "b")).toHaveLength(0);
  });

  it("marks the placed annotations, the CHANGED one on its new words, and never an orphan or one on an older revision", () => {
    expect([...marked].sort()).toEqual(["changed", "kept"]);
    expect(
      marks
        .filter((mark) => attr(mark, "data-annotations") === "changed")
        .map((mark) => textContent(mark))
        .join(""),
    ).toBe("prices rose 12%");
    // "wages doubled" is in the current text too (a twin): the orphan must not land on it.
    expect(marks.map((mark) => textContent(mark))).not.toContain("wages doubled");
  });

  it("shows a CHANGED annotation as the draft it is, with the words it was first written about", () => {
    const note = textContent(byId(document, "note-1")!);
    expect(note).toContain("[1] Claim C2");
    expect(note).toContain("The article's words here changed in revision 3. They read:prices rose 20%");
    expect(note).toContain("Status: Draft.");
  });

  it("lists orphans in an appendix with label, old quote, their revision, verdict and rationale, outside the notes", () => {
    const appendix = byId(document, "appendix")!;
    expect(textContent(byTag(appendix, "h2")[0])).toBe("Annotations that could not be placed in this revision");
    const items = byTag(appendix, "li").filter((li) => attr(li, "id")?.startsWith("note-"));
    expect(items.map((li) => attr(li, "id"))).toEqual(["note-3", "note-4"]);
    const [gone, old] = items.map((li) => textContent(li));
    expect(gone).toContain("[3] Claim C3 · Speaker: The minister · Verdict: Mostly false (2/5)");
    expect(gone).toContain(
      "Made on revision 1 (30 November 2026 09:00 UTC), on these words, which are not in revision 3:wages doubled",
    );
    expect(gone).toContain("Rationale: Wages rose 4%.");
    expect(gone).toContain(
      "Status: Orphaned. An earlier version was approved by Rex Reviewer on 2024-03-02; this one is not approved yet.",
    );
    expect(old).toContain("Made on revision 2 (30 November 2026 12:30 UTC)");
    expect(elements(byId(document, "notes")!).some((element) => attr(element, "id") === "note-3")).toBe(false);
    expect(textContent(document)).toContain("2 more could not be placed in this revision: see the appendix.");
  });

  it("is valid HTML by the conformance checker", async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("embeds ClaimReview for the placed claim only", () => {
    const embedded = JSON.parse(textContent(byTag(document, "script")[0])) as { claimReviewed: string }[];
    expect(embedded.map((review) => review.claimReviewed)).toEqual(["prices rose 12%"]);
  });

  it("has a one-entry log and no link to it on a first revision", () => {
    const first = parseHtml(exportHtml(snapshot(article("Plain words.", [], []))));
    expect(textContent(byTag(first, "header")[0])).toContain("Revision 1, 1 March 2024 08:00 UTC.");
    expect(byTag(byId(first, "corrections")!, "li").map((li) => textContent(li))).toEqual([
      "Revision 1, 1 March 2024 08:00 UTC: Original text. This fact-check is of this revision.",
    ]);
    expect(byId(first, "appendix")).toBeUndefined();
  });
});

describe("numberAnnotations: what counts as placed", () => {
  const at = spanOf(text, "Critics disagree");
  const place = (extra: Partial<typeof kept>) =>
    numberAnnotations({ ...view, annotations: [{ ...kept, ...extra }] })[0].anchored;

  it("places an annotation on the current revision whose words differ only in whitespace runs", () => {
    expect(place({})).toBe(true);
    expect(place({ quote: "Critics\n  disagree" })).toBe(true);
  });

  it("does not place one whose words differ, one on another revision, or one marked orphaned", () => {
    expect(place({ quote: "Critics agree" })).toBe(false);
    expect(place({ revisionId: "r2" })).toBe(false);
    expect(place({ anchor: { status: "ORPHANED", score: 0 } })).toBe(false);
    expect(place({ status: "ORPHANED" })).toBe(false);
    expect(place({ ...at, end: text.length + 1 })).toBe(false);
  });
});

describe("ClaimReview of a revised article", () => {
  it("leaves out orphans and anything whose revision is not the current one", () => {
    const reviews = claimReviews(shot) as { claimReviewed: string; url: string }[];
    expect(reviews.map((review) => [review.claimReviewed, review.url])).toEqual([
      ["prices rose 12%", "https://factmark.example/articles/a1#note-1"],
    ]);
  });
});

describe("W3C export of a revised article", () => {
  const collection = JSON.parse(JSON.stringify(w3cCollection(shot))) as {
    first: { items: { id: string; target: Record<string, unknown> }[] };
  };
  const targetOf = (id: string) =>
    collection.first.items.find((item) => item.id === annotationIri(shot.articleUrl, id))!.target;

  it("meets the model's MUSTs with the revision and anchor on every target", () => {
    expect(checkW3c(collection)).toEqual([]);
    for (const item of collection.first.items) {
      expect(item.target["factmark:revision"]).toBeDefined();
      expect(item.target["factmark:anchor"]).toBeDefined();
    }
  });

  it("names the current revision for placed annotations, with the anchor state and previous words", () => {
    expect(targetOf("changed")).toMatchObject({
      state: { type: "TimeState", sourceDate: "2026-11-30T14:02:00.000Z" },
      "factmark:revision": {
        id: "https://factmark.example/articles/a1/revisions/3",
        "factmark:number": 3,
        "factmark:revisionId": "r3",
      },
      "factmark:anchor": {
        "factmark:status": "CHANGED",
        "factmark:score": 0.8,
        "factmark:previousQuote": "prices rose 20%",
      },
      selector: [
        { type: "TextQuoteSelector", exact: "prices rose 12%" },
        { type: "TextPositionSelector", ...spanOf(text, "prices rose 12%") },
      ],
    });
  });

  it("includes an orphan naming its own revision, with its selectors into that revision's text", () => {
    expect(targetOf("orphan")).toMatchObject({
      state: { type: "TimeState", sourceDate: "2026-11-30T09:00:00.000Z" },
      "factmark:revision": { "factmark:number": 1, "factmark:revisionId": "r1" },
      "factmark:anchor": { "factmark:status": "ORPHANED", "factmark:score": 0 },
      selector: [
        { type: "TextQuoteSelector", exact: "wages doubled", prefix: orphan.prefix, suffix: orphan.suffix },
        { type: "TextPositionSelector", ...spanOf(original, "wages doubled") },
      ],
    });
  });

  it("reads the revision and the anchor back", () => {
    const { annotations } = parseW3c(collection);
    const parsed = annotations.find((a) => a.id === annotationIri(shot.articleUrl, "orphan"))!;
    expect(parsed.revision).toEqual({
      iri: "https://factmark.example/articles/a1/revisions/1",
      number: 1,
      id: "r1",
    });
    expect(parsed.anchor).toEqual({ status: "ORPHANED", score: 0, previousQuote: null });
    expect(parsed.warnings).toEqual([]);
    const junk = {
      type: "Annotation",
      target: {
        source: "https://news.example/story",
        "factmark:anchor": { "factmark:status": "LOST" },
        "factmark:revision": {},
        selector: { type: "TextQuoteSelector", exact: "Critics" },
      },
    };
    const read = parseW3c(junk).annotations[0];
    expect(read).toMatchObject({ anchor: null, revision: null });
    expect(read.warnings).toEqual([
      "factmark:revision ignored: it names no revision",
      "factmark:anchor ignored: its status is not one of ANCHORED, CHANGED, ORPHANED",
    ]);
  });
});

describe("placeParsed: where an imported annotation goes", () => {
  const { annotations } = parseW3c(JSON.parse(JSON.stringify(w3cCollection(shot))));
  const parsedOf = (id: string) => annotations.find((a) => a.id === annotationIri(shot.articleUrl, id))!;
  const current = { id: "r3", text };
  const older = (texts: Record<string, string>) => (id: string) => texts[id] ?? null;

  it("restores placed annotations exactly, keeping CHANGED and its previous words", () => {
    expect(placeParsed(parsedOf("changed"), current, older({}))).toEqual({
      ...spanOf(text, "prices rose 12%"),
      anchor: { status: "CHANGED", score: 0.8, previousQuote: "prices rose 20%" },
    });
    expect(placeParsed(parsedOf("kept"), current, older({}))).toEqual({
      ...spanOf(text, "Critics disagree"),
      anchor: { status: "ANCHORED", score: 1, previousQuote: null },
    });
  });

  it("keeps an orphan on its own revision when this article has that revision's text", () => {
    expect(placeParsed(parsedOf("orphan"), current, older({ r1: original }))).toEqual({
      ...spanOf(original, "wages doubled"),
      orphanedOn: "r1",
    });
  });

  it("never places an orphan on the current text, even where its words appear there, without its revision", () => {
    expect(text).toContain("wages doubled");
    const placement = placeParsed(parsedOf("orphan"), current, older({}));
    expect(placement).toEqual({
      reason: expect.stringMatching(/last found on revision 1 there.*not one of this article's.*wrong words/),
    });
  });

  it("reports an orphan whose words are not in its revision's text", () => {
    expect(placeParsed(parsedOf("orphan"), current, older({ r1: "Something else entirely." }))).toEqual({
      reason: expect.stringContaining("on revision 1 of this article the quote “wages doubled” no longer appears"),
    });
  });

  it("places an annotation without our anchor (another tool's) as before, with no anchor state", () => {
    const foreign = { ...parsedOf("kept"), anchor: null, revision: null };
    expect(placeParsed(foreign, current, older({}))).toEqual({ ...spanOf(text, "Critics disagree"), anchor: null });
  });
});

describe("CSV of a revised article", () => {
  const rows = exportCsv(shot)
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((row) => row.split(","));
  const column = (name: (typeof CSV_HEADER)[number]) => rows[0].indexOf(name);
  const rowOf = (id: string) => rows.find((row) => row[0] === id)!;

  it("has revision, anchor status and score and previous quote columns, orphans included", () => {
    const cells = (id: string) =>
      ["revision", "anchor_status", "anchor_score", "previous_quote", "status"].map(
        (name) => rowOf(id)[column(name as (typeof CSV_HEADER)[number])],
      );
    expect(rows).toHaveLength(5);
    expect(cells("kept")).toEqual(["3", "ANCHORED", "1", "", "APPROVED"]);
    expect(cells("changed")).toEqual(["3", "CHANGED", "0.8", "prices rose 20%", "DRAFT"]);
    expect(cells("orphan")).toEqual(["1", "ORPHANED", "0", "", "ORPHANED"]);
    expect(cells("stale")).toEqual(["2", "ANCHORED", "1", "", "APPROVED"]);
  });
});
