import { describe, expect, it } from "vitest";
import type { Block } from "../domain/article";
import { exportHtml } from "./html";
import { syntheticArticle } from "../../scripts/bench/lib/synthetic-article";
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
  spanOf,
  textContent,
  type Element,
} from "./test-helpers";

const text =
  "Prices and wages\n\nThe minister said prices fell by 5% last year. Critics disagree.\n\n“Nothing fell,” one economist said.\n\nFirst point\n\nSecond point";
const blocks: Block[] = [
  { type: "heading", start: 0, end: 16, level: 1 },
  { type: "paragraph", ...spanOf(text, "The minister said prices fell by 5% last year. Critics disagree.") },
  { type: "blockquote", ...spanOf(text, "“Nothing fell,” one economist said.") },
  { type: "list-item", ...spanOf(text, "First point") },
  { type: "list-item", ...spanOf(text, "Second point") },
];

const claim = annotation(text, {
  id: "claim",
  ...spanOf(text, "prices fell by 5% last year"),
  speaker: "The minister",
  verdict: "MOSTLY_FALSE",
  rationale: "Official data show a 2% fall.",
  note: "Checked against the statistics office.",
  publicNote: "The minister later corrected the figure.",
  sources: [
    source("https://stats.example/cpi", {
      title: "CPI bulletin",
      publisher: "Stats Office",
      quote: "prices fell 2%",
      accessedAt: "2024-03-01T00:00:00.000Z",
      archiveUrl: "https://archive.example/cpi",
    }),
    source("ftp://files.example/cpi.csv", { title: "Raw data" }),
  ],
});
const denial = annotation(text, {
  id: "denial",
  kind: "DENIAL",
  ...spanOf(text, "5% last year. Critics disagree"),
  deniesId: "claim",
  verdict: "MISLEADING",
  speaker: "Critics",
  lastReview: null,
  status: "SUBMITTED",
});
const nested = annotation(text, {
  id: "nested",
  kind: "ANALYSIS",
  ...spanOf(text, "fell by 5%"),
  note: "Year on year.",
});
// Crosses from the quote into the list, through the whitespace between blocks.
const crossing = annotation(text, { id: "crossing", kind: "ANALYSIS", ...spanOf(text, "said.\n\nFirst") });
const orphan = annotation(text, {
  id: "orphan",
  start: 0,
  end: 6,
  status: "ORPHANED",
  quote: "Gone words",
  verdict: "FALSE",
});

const view = article(text, blocks, [orphan, crossing, denial, nested, claim]);
const html = exportHtml(snapshot(view));
const document = parseHtml(html);
const main = byTag(document, "article")[0];
const marks = byTag(main, "mark");

const marksOf = (id: string) => marks.filter((mark) => attr(mark, "data-annotations")!.split(" ").includes(id));
const insideMark = (element: Element) => marks.some((mark) => elements(mark).includes(element) && mark !== element);

describe("exportHtml: document", () => {
  it("is one HTML5 file with charset, viewport, title, one style and only the JSON-LD script", () => {
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(byTag(document, "meta").some((meta) => attr(meta, "name") === "viewport")).toBe(true);
    expect(textContent(byTag(document, "title")[0])).toBe("Fact-check: A checked article — Factmark Checks");
    expect(byTag(document, "style")).toHaveLength(1);
    expect(byTag(document, "script").map((script) => attr(script, "type"))).toEqual(["application/ld+json"]);
    expect(byTag(document, "link")).toHaveLength(0);
    expect(elements(document).filter((element) => attr(element, "src") !== undefined)).toHaveLength(0);
  });

  it("passes an HTML conformance checker: with overlaps, a crossing span, a lost one and a denial", async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("passes it too for a long generated article with many overlapping annotations, headings, lists and quotes", async () => {
    const long = syntheticArticle({ words: 4000, annotations: 160 });
    expect(
      await htmlProblems(
        exportHtml({
          article: long,
          publisher: "Checks",
          articleUrl: "https://factmark.example/a/1",
          publicUrl: null,
          exportedAt: "2024-03-05T12:00:00.000Z",
        }),
      ),
    ).toEqual([]);
  });

  it("gives the article text its language and direction, the page around it staying English", () => {
    const arabic = exportHtml(snapshot(article("قال الوزير.", [], [], { language: "ar" })));
    expect(arabic).toContain(
      '<article id="article-text" class="article-text" aria-label="Article text" lang="ar" dir="rtl">',
    );
    expect(arabic.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(exportHtml(snapshot(article("Plain.", [], [])))).toContain('aria-label="Article text">');
  });

  it("forbids every network request through its Content-Security-Policy", () => {
    const csp = byTag(document, "meta").find((meta) => attr(meta, "http-equiv") === "Content-Security-Policy");
    expect(attr(csp!, "content")).toContain("default-src 'none'");
  });

  it("shows who signed it off and no draft banner when signed off", () => {
    const header = byTag(document, "header")[0];
    expect(textContent(header)).toContain("Signed offby Rex Reviewer on 2024-03-02");
    expect(html).not.toContain("DRAFT");
    expect(textContent(header)).toContain("Sourcehttps://news.example/story");
  });

  it("puts a draft banner on anything not signed off", () => {
    for (const status of ["DRAFT", "IN_REVIEW", "REOPENED"] as const) {
      const draft = parseHtml(exportHtml(snapshot({ ...view, status, signOff: null })));
      const banner = elements(draft).find((element) => attr(element, "class") === "draft-banner");
      expect(textContent(banner!)).toContain("DRAFT — not signed off");
    }
  });

  it("counts verdicts in words", () => {
    // The orphan is not in this revision's text, so it is not counted: the appendix lists it.
    expect(html).toContain("<p>4 annotations: 1 claim, 1 denial, 2 analyses.</p>");
    expect(html).toContain(
      '<p>1 more could not be placed in this revision: see <a href="#appendix">the appendix</a>.</p>',
    );
    const rows = byTag(byTag(document, "table")[0], "tr").map((row) => textContent(row));
    expect(rows).toContain("Mostly false2/51");
    expect(rows).toContain("Misleadingno rating1");
    expect(rows).toContain("False1/50");
    expect(rows).toContain("True5/50");
  });

  it("keeps headings in order under the h1 and groups list items and quotes", () => {
    const headings = elements(document).filter((element) => /^h[1-6]$/.test(element.tagName));
    const levels = headings.map((heading) => Number(heading.tagName[1]));
    levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1] + 1));
    expect(levels[0]).toBe(1);
    expect(byTag(main, "h2").map((h) => textContent(h, isRefMarker))).toEqual(["Prices and wages\n\n"]);
    expect(byTag(main, "ul")).toHaveLength(1);
    expect(byTag(byTag(main, "ul")[0], "li")).toHaveLength(2);
    expect(byTag(main, "blockquote")).toHaveLength(1);
  });

  it("maps deep or skipping article headings to valid levels", () => {
    const headingsText = "A\n\nB\n\nC";
    const deep = article(
      headingsText,
      [
        { type: "heading", start: 0, end: 1, level: 3 },
        { type: "heading", start: 3, end: 4, level: 6 },
        { type: "heading", start: 6, end: 7, level: 1 },
      ],
      [],
    );
    const tags = byTag(parseHtml(exportHtml(snapshot(deep))), "article")[0];
    expect(
      elements(tags)
        .filter((e) => /^h\d$/.test(e.tagName))
        .map((e) => e.tagName),
    ).toEqual(["h2", "h3", "h2"]);
  });
});

describe("exportHtml: article text", () => {
  it("writes every character of the revision, once", () => {
    expect(textContent(main, isRefMarker)).toBe(text);
  });

  it("rebuilds each annotation's quote from the marks carrying its id", () => {
    for (const a of [claim, denial, nested, crossing])
      expect(
        marksOf(a.id)
          .map((mark) => textContent(mark))
          .join(""),
      ).toBe(a.quote);
    expect(marksOf("orphan")).toHaveLength(0);
  });

  it("lists covering annotations outermost first and classes every kind present", () => {
    const inner = marks.find((mark) => textContent(mark) === "fell by 5%" || textContent(mark) === "5%");
    expect(attr(inner!, "data-annotations")).toBe("denial claim nested");
    expect(attr(inner!, "class")).toBe("k-denial k-claim k-analysis overlap");
  });

  it("numbers annotations in reading order and puts [N] after, never inside, the last mark", () => {
    const refs = byTag(main, "sup");
    expect(refs.map((sup) => textContent(sup))).toEqual(["[2]", "[1]", "[3]", "[4]"]);
    for (const sup of refs) expect(insideMark(sup)).toBe(false);
    const link = byTag(refs[1], "a")[0];
    expect(attr(link, "href")).toBe("#note-1");
    expect(attr(link, "id")).toBe("ref-1");
  });

  it("keeps a reference visible when its annotation ends in the whitespace between blocks", () => {
    const endsInGap = annotation(text, { id: "gap", kind: "ANALYSIS", ...spanOf(text, "disagree.\n\n") });
    const out = parseHtml(exportHtml(snapshot(article(text, blocks, [endsInGap]))));
    const sup = byTag(out, "sup")[0];
    const hidden = elements(out).filter((element) => attr(element, "hidden") !== undefined);
    expect(hidden.some((element) => elements(element).includes(sup))).toBe(false);
    expect(
      byTag(out, "mark")
        .map((mark) => textContent(mark))
        .join(""),
    ).toBe("disagree.\n\n");
  });
});

describe("exportHtml: notes", () => {
  const note = (n: number) => byId(document, `note-${n}`)!;

  it("has one note per annotation, with kind, speaker, verdict and rating, rationale and the remark for readers (never the internal note)", () => {
    expect(byTag(byId(document, "notes")!, "li").filter((li) => attr(li, "id")?.startsWith("note-"))).toHaveLength(4);
    const first = textContent(note(1));
    expect(first).toContain("[1] Claim");
    expect(first).toContain("Speaker: The minister");
    expect(first).toContain("Verdict: Mostly false (2/5)");
    expect(first).toContain("Rationale: Official data show a 2% fall.");
    expect(first).toContain("Remark for readers: The minister later corrected the figure.");
    expect(first).not.toContain("Checked against the statistics office.");
    expect(first).toContain("Approved by Rex Reviewer on 2024-03-02");
    expect(textContent(note(3))).toContain("Verdict: Misleading");
    expect(textContent(note(3))).not.toContain("/5)");
    expect(textContent(note(2))).toContain("[2] Analysis");
  });

  it("links a denial to the note of the claim it denies, and every note back to its [N]", () => {
    const links = byTag(note(3), "a").map((a) => attr(a, "href"));
    expect(links).toContain("#note-1");
    expect(links).toContain("#ref-3");
    expect(textContent(note(3))).toContain("Status: Submitted for review.");
    expect(textContent(note(3))).not.toContain("Approved by");
  });

  it("links http(s) sources and archives with rel=noopener noreferrer, and shows other URLs as text", () => {
    const anchors = byTag(note(1), "a").filter((a) => attr(a, "class") === "url");
    expect(anchors.map((a) => [attr(a, "href"), attr(a, "rel"), textContent(a)])).toEqual([
      ["https://stats.example/cpi", "noopener noreferrer", "CPI bulletin"],
      ["https://archive.example/cpi", "noopener noreferrer", "archive"],
    ]);
    const first = textContent(note(1));
    expect(first).toContain("CPI bulletin, Stats Office.prices fell 2% Accessed 2024-03-01.");
    expect(first).toContain("Raw data (ftp://files.example/cpi.csv)");
    expect(byTag(note(1), "blockquote").map((q) => textContent(q))).toEqual(["prices fell 2%"]);
  });

  it("lists an annotation that lost its place last, in the appendix, with its quote and no back link", () => {
    const last = note(5);
    expect(elements(byId(document, "appendix")!)).toContain(last);
    expect(textContent(last)).toContain(
      "Made on revision 1 (1 March 2024 08:00 UTC), on these words, which are not in revision 1:Gone words",
    );
    expect(byTag(last, "a").map((a) => attr(a, "href"))).not.toContain("#ref-5");
  });
});

describe("exportHtml: JSON-LD", () => {
  it("cannot be broken out of by the data it carries", () => {
    const hostileText = "He said </script><script>alert(1)</script> and <!-- hid it -->";
    const hostile = annotation(hostileText, { id: "h", start: 0, end: hostileText.length, verdict: "FALSE" });
    const out = exportHtml(snapshot(article(hostileText, [], [hostile], { title: "</script><!--" })));
    const scripts = byTag(parseHtml(out), "script");
    expect(scripts).toHaveLength(1);
    const json = textContent(scripts[0]);
    expect(json).not.toContain("<");
    expect((JSON.parse(json) as { claimReviewed: string }[])[0].claimReviewed).toBe(hostileText);
  });

  it("is an empty array when nothing is rated", () => {
    const out = parseHtml(exportHtml(snapshot(article("Plain.", [], []))));
    expect(JSON.parse(textContent(byTag(out, "script")[0]))).toEqual([]);
  });

  it("approves with the reviewer named in lastReview", () => {
    const reviewed = annotation(text, {
      id: "r",
      ...spanOf(text, "Critics"),
      lastReview: approval("2024-01-01T00:00:00.000Z", { id: "x", name: "Ann Other" }),
    });
    expect(exportHtml(snapshot(article(text, blocks, [reviewed])))).toContain(
      'Approved by Ann Other on <time datetime="2024-01-01">',
    );
  });
});

describe("exportHtml: claims marked not rated (#13)", () => {
  const plain = "The mayor said crime fell. The chief said it rose.";
  const marked = annotation(plain, {
    id: "m",
    ...spanOf(plain, "crime fell"),
    notRatedReason: "The city published no figures to check.",
  });
  const open = annotation(plain, { id: "o", kind: "DENIAL", ...spanOf(plain, "it rose") });
  const shot = snapshot(article(plain, [], [marked, open]));
  const out = parseHtml(exportHtml(shot));

  it("shows “Not rated: <reason>” in the note, counts it apart from those not rated yet, and gives it no ClaimReview", async () => {
    expect(textContent(byId(out, "note-1")!)).toContain("Not rated: The city published no figures to check.");
    expect(textContent(byId(out, "note-2")!)).not.toContain("Not rated:");
    const rows = byTag(byId(out, "verdicts-heading")!.parentNode as Element, "tr").map((row) => textContent(row));
    expect(rows).toContain("Not rated (reason given)—1");
    expect(rows).toContain("Not rated yet—1");
    expect(textContent(byTag(out, "script")[0])).toBe("[]");
    expect(await htmlProblems(exportHtml(shot))).toEqual([]);
  });
});
