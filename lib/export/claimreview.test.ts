import { describe, expect, it } from "vitest";
import { VERDICTS } from "../domain/annotation";
import { claimReviews, shortenClaim, writeClaimReviewsJson } from "./claimreview";
import { numberAnnotations } from "./model";
import type { ExportSnapshot } from "./snapshot";
import { annotation, approval, article, snapshot, spanOf } from "./test-helpers";

const text = "The mayor said crime fell by half. The chief said it rose. Analysts were unsure about everything.";
const claim = annotation(text, {
  id: "c",
  ...spanOf(text, "crime fell by half"),
  speaker: "The mayor",
  verdict: "MOSTLY_FALSE",
});
const denial = annotation(text, {
  id: "d",
  kind: "DENIAL",
  ...spanOf(text, "it rose"),
  speaker: "  ",
  verdict: "MISLEADING",
  deniesId: "c",
});
const unrated = annotation(text, { id: "u", ...spanOf(text, "The chief said") });
const analysis = annotation(text, {
  id: "x",
  kind: "ANALYSIS",
  ...spanOf(text, "Analysts were unsure"),
  verdict: "FALSE",
});
const view = article(text, [], [analysis, denial, unrated, claim]);

type Review = Record<string, unknown> & {
  reviewRating: Record<string, unknown>;
  itemReviewed: Record<string, unknown>;
};
const reviews = (v = view, extra = {}) => claimReviews(snapshot(v, extra)) as Review[];

describe("claimReviews", () => {
  it("makes one ClaimReview per claim or denial with a verdict, in reading order", () => {
    expect(reviews().map((r) => r.claimReviewed)).toEqual(["crime fell by half", "it rose"]);
  });

  it("maps a numeric verdict to ratingValue on the 1–5 scale with its label", () => {
    expect(reviews()[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factmark.example/articles/a1#note-1",
      claimReviewed: "crime fell by half",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
      author: { "@type": "Organization", name: "Factmark Checks" },
      datePublished: "2024-03-02",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "The mayor" },
        datePublished: "2024-02-28",
        appearance: [{ "@type": "CreativeWork", url: "https://news.example/story" }],
      },
    });
  });

  it("keeps only the label for verdicts without a number, and leaves out a blank speaker", () => {
    const review = reviews()[1];
    expect(review.url).toBe("https://factmark.example/articles/a1#note-3");
    expect(review.reviewRating).toEqual({ "@type": "Rating", alternateName: "Misleading" });
    expect(review.itemReviewed).not.toHaveProperty("author");
  });

  it("dates a review by the sign-off, or by the export when not signed off", () => {
    expect(reviews()[0].datePublished).toBe("2024-03-02");
    const draft = { ...view, status: "IN_REVIEW" as const, signOff: approval("2024-01-01T00:00:00.000Z") };
    expect(reviews(draft, { exportedAt: "2024-04-09T23:59:00.000Z" })[0].datePublished).toBe("2024-04-09");
  });

  it("omits appearance for a source URL that is not http(s), and the claim date when unknown", () => {
    for (const sourceUrl of [null, "javascript:alert(1)", "ftp://files.example/a", "not a url"]) {
      const item = reviews({ ...view, sourceUrl, publishedAt: null })[0].itemReviewed;
      expect(item).not.toHaveProperty("appearance");
      expect(item).not.toHaveProperty("datePublished");
    }
  });

  it("names the article's language as the claim's, when it is known", () => {
    expect(reviews(article(text, [], [claim], { language: "pt-BR" }))[0].itemReviewed.inLanguage).toBe("pt-BR");
    expect(reviews()[0].itemReviewed).not.toHaveProperty("inLanguage");
  });

  it("ellipsizes long quotes under 75 characters", () => {
    const long =
      "Unemployment   fell\nto its lowest level in fifty years across every single region of the country, the minister said.";
    const view2 = article(long, [], [annotation(long, { id: "l", start: 0, end: long.length, verdict: "TRUE" })]);
    const shortened = reviews(view2)[0].claimReviewed as string;
    expect(shortened.length).toBeLessThan(75);
    expect(shortened).toBe("Unemployment fell to its lowest level in fifty years across every single…");
  });
});

describe("shortenClaim", () => {
  it("collapses whitespace and keeps short quotes whole", () => {
    expect(shortenClaim("  a\n\tb  c ")).toBe("a b c");
    expect(shortenClaim("x".repeat(74))).toBe("x".repeat(74));
  });

  it("takes the quote as it is only when collapsing and trimming would not change it", () => {
    const collapse = (quote: string) => quote.replace(/\s+/g, " ").trim();
    for (const quote of [
      "one line",
      "a  b",
      " a",
      "a ",
      "a\tb",
      "a\nb",
      "a\u00a0b",
      "a\u2028b",
      "a\ufeffb",
      "a\u3000b",
      "",
      " ",
      "a b c",
    ]) {
      expect(shortenClaim(quote)).toBe(collapse(quote));
    }
  });

  it("cuts a quote without spaces at the limit, and never splits a surrogate pair", () => {
    expect(shortenClaim("x".repeat(80))).toBe(`${"x".repeat(73)}…`);
    const emoji = shortenClaim("😀".repeat(50));
    expect(emoji.length).toBeLessThan(75);
    expect(emoji).toBe(`${"😀".repeat(36)}…`);
  });
});

describe("writeClaimReviewsJson", () => {
  const written = (snap: ExportSnapshot) => {
    const out: string[] = [];
    writeClaimReviewsJson(out, snap, numberAnnotations(snap.article));
    return out.join("");
  };
  /** What the HTML export used to embed: the objects serialized, then every `<` escaped. */
  const expected = (snap: ExportSnapshot) => JSON.stringify(claimReviews(snap)).replaceAll("<", "\\u003c");

  it("writes exactly the JSON of claimReviews, with every < as \\u003c", () => {
    expect(written(snapshot(view))).toBe(expected(snapshot(view)));
    expect(written(snapshot(article(text, [], [analysis])))).toBe("[]");
    const draft = {
      ...view,
      status: "IN_REVIEW" as const,
      sourceUrl: "javascript:alert(1)",
      publishedAt: null,
      language: "ar",
    };
    expect(written(snapshot(draft, { exportedAt: "not a date" }))).toBe(
      expected(snapshot(draft, { exportedAt: "not a date" })),
    );
  });

  it("stays the same JSON for hostile strings in every field", () => {
    const hostile = [
      "</script><script>alert(1)</script>",
      '"quoted" \\ back\\slash',
      "<!-- x --> \u2028 \u2029 \ud800 lone",
      "emoji 🧨 “curly” …",
    ];
    const body = hostile.join(" ");
    const annotations = hostile.map((value, i) =>
      annotation(body, {
        id: `h${i}`,
        ...spanOf(body, value),
        kind: i % 2 ? "DENIAL" : "CLAIM",
        speaker: ` ${value} `,
        verdict: VERDICTS[i],
      }),
    );
    for (const value of hostile) {
      const snap = snapshot(
        article(body, [], annotations, {
          sourceUrl: `https://news.example/${value}`,
          publishedAt: value,
          language: value,
        }),
        { publisher: value, articleUrl: `https://f.example/${value}` },
      );
      const json = written(snap);
      expect(json).toBe(expected(snap));
      expect(json).not.toContain("<");
      expect(JSON.parse(json)).toEqual(claimReviews(snap));
    }
  });
});
