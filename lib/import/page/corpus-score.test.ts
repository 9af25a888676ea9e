import { describe, expect, it } from "vitest";
import type { CorpusPage } from "./corpus";
import { floorOf, scorePage, scoreTable } from "./corpus-score";
import { type ExtractedPage, NotAnArticle } from "./types";

const article: CorpusPage = {
  name: "a",
  html: "<html></html>",
  expected: { title: "A" },
  expectedText: "the cat sat\n",
};
const notArticle: CorpusPage = { name: "n", html: "<html></html>", expected: { notArticle: true } };
const extracting = (text: string) => (): ExtractedPage => ({ blocks: [], content: { text, blocks: [] }, metadata: {} });
const refusing = () => {
  throw new NotAnArticle("This is a home page.");
};

describe("scorePage", () => {
  it("scores an article by word F1 of the extracted text", () => {
    expect(scorePage(article, extracting("menu the cat sat"))).toMatchObject({
      article: true,
      recall: 1,
      precision: 0.75,
    });
  });

  it("gives an article that throws a score of 0 and says why", () => {
    expect(scorePage(article, refusing)).toMatchObject({ score: 0, error: "NotAnArticle: This is a home page." });
  });

  it("gives a non-article 1 when refused as NotAnArticle and 0 when imported or failing otherwise", () => {
    expect(scorePage(notArticle, refusing).score).toBe(1);
    expect(scorePage(notArticle, extracting("home news sport")).score).toBe(0);
    const crash = () => {
      throw new TypeError("boom");
    };
    expect(scorePage(notArticle, crash)).toMatchObject({ score: 0, error: "TypeError: boom" });
  });
});

describe("floorOf", () => {
  it("rounds down to 3 decimals, never above the measured figure", () => {
    expect(floorOf(0.91589)).toBe(0.915);
    expect(floorOf(0.95)).toBe(0.95);
    expect(floorOf(1)).toBe(1);
  });
});

describe("scoreTable", () => {
  it("lists every page and the mean over the articles only", () => {
    const table = scoreTable([scorePage(article, extracting("the cat sat")), scorePage(notArticle, refusing)]);
    expect(table).toContain("refused (not an article)");
    expect(table.split("\n").at(-1)).toMatch(/mean of 1 articles\s+1\.000\s+1\.000\s+1\.000$/);
  });
});
