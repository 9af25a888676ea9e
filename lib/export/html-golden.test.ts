import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importPlainText } from "../import/plain-text";
import { exportHtml } from "./html";
import {
  annotation,
  article,
  attr,
  byId,
  byTag,
  type Element,
  elements,
  htmlProblems,
  isRefMarker,
  parseHtml,
  snapshot,
  source,
  spanOf,
  textContent,
} from "./test-helpers";

// ../shared/fixtures sits beside the clone on every developer machine and in CI; its text stays there.
const raw = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8");
const { text, blocks } = importPlainText(raw);

const claim = annotation(text, {
  id: "c-weapons",
  ...spanOf(text, "Russia has asked China for weapons"),
  speaker: "US officials",
  verdict: "UNVERIFIABLE",
  rationale: "Reported from anonymous officials only.",
  sources: [
    source("https://news.example/ft-report", {
      title: "FT report",
      publisher: "FT",
      accessedAt: "2022-03-14T08:00:00.000Z",
      archiveUrl: "https://archive.example/ft",
    }),
  ],
});
const denial = annotation(text, {
  id: "d-disinfo",
  kind: "DENIAL",
  ...spanOf(text, "“malicious disinformation”"),
  speaker: "Zhao Lijian",
  deniesId: "c-weapons",
  verdict: "MISLEADING",
});
const spreading = annotation(text, {
  id: "c-spreading",
  ...spanOf(text, "spreading “malicious disinformation”, with “sinister intentions”"),
  speaker: "Zhao Lijian",
  verdict: "FALSE",
});
const informed = annotation(text, {
  id: "c-informed",
  ...spanOf(text, "the United States informed Beijing of Vladimir Putin’s intentions months before the invasion"),
  verdict: "TRUE",
  sources: [source("javascript:alert(1)", { title: "Not a link" })],
});
const ignored = annotation(text, {
  id: "x-ignored",
  kind: "ANALYSIS",
  ...spanOf(text, "months before the invasion, but that Chinese leaders ignored those warnings"),
  note: "Overlaps the claim before it.",
});
const crossing = annotation(text, {
  id: "x-blocs",
  kind: "ANALYSIS",
  ...spanOf(text, "turning point in world politics.\n\nThe Biden White House"),
  note: "Runs across two paragraphs.",
});
const neverHeard = annotation(text, {
  id: "c-never",
  ...spanOf(text, "“never heard of”"),
  speaker: "Liu Pengyu",
  verdict: "MOSTLY_FALSE",
});
const low = annotation(text, {
  id: "c-low",
  ...spanOf(text, "the likelihood of China supplying arms to Russia was “low”"),
  speaker: "Wen-ti Sung",
});
const all = [low, crossing, neverHeard, claim, ignored, denial, spreading, informed];
const rated = all.filter((a) => a.kind !== "ANALYSIS" && a.verdict);

const view = article(text, blocks, all, {
  title: text.slice(blocks[0].start, blocks[0].end),
  sourceUrl: "https://www.theguardian.example/world/2022/mar/14/us-china-russia",
  status: "IN_REVIEW",
  signOff: null,
});
const html = exportHtml(snapshot(view));
const document = parseHtml(html);
const section = byTag(document, "article")[0];
const marks = byTag(section, "mark");
const isGapOrRef = (element: Element) => isRefMarker(element) || attr(element, "class") === "gap";

describe("exportHtml on the seed article", () => {
  it("writes the article text exactly: the blocks, in order, and everything between them", () => {
    const rendered = section.childNodes.filter((node): node is Element => "tagName" in node);
    expect(rendered.map((element) => textContent(element, isGapOrRef))).toEqual(
      blocks.map((block) => text.slice(block.start, block.end)),
    );
    expect(textContent(section, isRefMarker)).toBe(text);
  });

  it("rebuilds every quote from the marks carrying its id, overlaps and paragraph crossings included", () => {
    for (const a of all) {
      const own = marks.filter((mark) => attr(mark, "data-annotations")!.split(" ").includes(a.id));
      expect(own.map((mark) => textContent(mark)).join(""), a.id).toBe(a.quote);
    }
    expect(marks.some((mark) => attr(mark, "data-annotations")!.split(" ").length > 1)).toBe(true);
  });

  it("loads nothing and links only to fragments and the data's http(s) URLs", () => {
    expect(elements(document).filter((element) => element.attrs.some((a) => a.name === "src"))).toEqual([]);
    // The sources, the article's source and the footer's online version (the public address).
    const allowed = new Set([
      "https://news.example/ft-report",
      "https://archive.example/ft",
      view.sourceUrl,
      snapshot(view).publicUrl,
    ]);
    for (const element of elements(document)) {
      const href = attr(element, "href");
      if (href !== undefined) expect(href.startsWith("#") || allowed.has(href), href).toBe(true);
    }
  });

  it("is valid HTML by a conformance checker", async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("marks the export a draft", () => {
    expect(textContent(byTag(document, "header")[0])).toContain("DRAFT — not signed off");
  });

  it("carries one ClaimReview per rated claim or denial, pointing at its note", () => {
    const reviews = JSON.parse(textContent(byTag(document, "script")[0])) as {
      "@type": string;
      url: string;
      claimReviewed: string;
      reviewRating: { alternateName: string };
    }[];
    expect(reviews).toHaveLength(rated.length);
    for (const review of reviews) {
      expect(review["@type"]).toBe("ClaimReview");
      expect(review.claimReviewed.length).toBeLessThan(75);
      const n = review.url.split("#note-")[1];
      const note = textContent(byId(document, `note-${n}`)!);
      expect(note).toContain(`Verdict: ${review.reviewRating.alternateName}`);
    }
    expect(reviews.map((review) => review.claimReviewed)).toContain(
      "the United States informed Beijing of Vladimir Putin’s intentions months…",
    );
  });
});
