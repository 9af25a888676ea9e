import { describe, expect, it } from "vitest";
import { claimReviews, writeClaimReviewsJson } from "./claimreview";
import { exportHtml } from "./html";
import { numberAnnotations } from "./model";
import {
  annotation,
  article,
  byTag,
  htmlProblems,
  parseHtml,
  snapshot,
  spanOf,
  textContent,
  attr,
} from "./test-helpers";

/**
 * The public-address rule (issue #13, item 2): the reader exports name the
 * fact-check's public address (the article's override, else
 * FACTMARK_PUBLIC_URL + its id, resolved by the caller into
 * snapshot.publicUrl), and with none they name no address at all — never the
 * workbench's (snapshot.articleUrl, which only the team's W3C export uses).
 */
const WORKBENCH = "http://localhost:3000/articles/a1";
const PUBLIC = "https://checks.example/fact-checks/a1";
const text = "The mayor said crime fell by half. The chief said it rose.";
const claim = annotation(text, { id: "c", ...spanOf(text, "crime fell by half"), verdict: "MOSTLY_FALSE" });
const denial = annotation(text, { id: "d", kind: "DENIAL", ...spanOf(text, "it rose"), verdict: "FALSE" });
const view = article(text, [], [claim, denial]);
const withAddress = snapshot(view, { articleUrl: WORKBENCH, publicUrl: PUBLIC });
const without = snapshot(view, { articleUrl: WORKBENCH, publicUrl: null });

const embedded = (shot: typeof without) => {
  const out: string[] = [];
  writeClaimReviewsJson(out, shot, numberAnnotations(shot.article));
  return out.join("");
};

describe("ClaimReview url", () => {
  it("is the public address + #note-N when there is one", () => {
    expect(claimReviews(withAddress).map((review) => (review as { url: string }).url)).toEqual([
      `${PUBLIC}#note-1`,
      `${PUBLIC}#note-2`,
    ]);
    expect(embedded(withAddress)).toBe(JSON.stringify(claimReviews(withAddress)));
  });

  it("is left out without one, and the workbench address appears nowhere", () => {
    const reviews = claimReviews(without);
    expect(reviews).toHaveLength(2);
    for (const review of reviews) expect(review).not.toHaveProperty("url");
    expect(JSON.stringify(reviews)).not.toContain("localhost");
    expect(embedded(without)).toBe(JSON.stringify(reviews));
  });
});

describe("HTML footer", () => {
  const footer = (html: string) => byTag(parseHtml(html), "footer")[0];

  it("links the online version to the public address", async () => {
    const html = exportHtml(withAddress);
    expect(textContent(footer(html))).toContain(`Online version: ${PUBLIC}`);
    expect(byTag(footer(html), "a").map((a) => attr(a, "href"))).toEqual([PUBLIC]);
    expect(html).not.toContain("localhost");
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("names no online version without one, and no workbench address anywhere", async () => {
    const html = exportHtml(without);
    expect(textContent(footer(html))).not.toContain("Online version");
    expect(html).not.toContain("localhost");
    expect(await htmlProblems(html)).toEqual([]);
  });
});
