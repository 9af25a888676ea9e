import { describe, expect, it } from "vitest";
import {
  fts5Query,
  MARK_END,
  MARK_START,
  searchWords,
  SEARCH_MAX_WORDS,
  snippetParts,
  tsQueryText,
} from "./search-query";

describe("searchWords", () => {
  it("keeps words of letters and digits, lower-cased and once each, and drops every operator", () => {
    expect(searchWords('Crime "fell" by 20% NEAR(x, 2) -tax* quote:rose AND')).toEqual([
      "crime",
      "fell",
      "by",
      "20",
      "near",
      "x",
      "2",
      "tax",
      "quote",
      "rose",
      "and",
    ]);
    expect(searchWords('" * - : ( ) ^ {} \\')).toEqual([]);
    expect(searchWords("Crime crime CRIME")).toEqual(["crime"]);
  });

  it("keeps accented and non-Latin words whole, decomposed or not", () => {
    expect(searchWords("café naïve Zürich")).toEqual(["café", "naïve", "zürich"]);
    expect(searchWords("cafe\u0301")).toEqual(["café"]);
    expect(searchWords("Москва 東京 القاهرة")).toEqual(["москва", "東京", "القاهرة"]);
  });

  it("keeps at most SEARCH_MAX_WORDS words", () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ");
    expect(searchWords(many)).toHaveLength(SEARCH_MAX_WORDS);
  });
});

describe("the database queries", () => {
  it("quote every word for FTS5 and join them with spaces for plainto_tsquery", () => {
    expect(fts5Query(["near", "x"])).toBe('"near" "x"');
    expect(tsQueryText(["near", "x"])).toBe("near x");
  });
});

describe("snippetParts", () => {
  it("splits at the marks, and leaves the text as text", () => {
    expect(snippetParts(`the ${MARK_START}crime${MARK_END} <b>rate</b> ${MARK_START}fell${MARK_END}`)).toEqual([
      { text: "the ", marked: false },
      { text: "crime", marked: true },
      { text: " <b>rate</b> ", marked: false },
      { text: "fell", marked: true },
    ]);
  });

  it("survives stray and unbalanced marks", () => {
    expect(snippetParts(`${MARK_END}a${MARK_START}b`)).toEqual([
      { text: "a", marked: false },
      { text: "b", marked: true },
    ]);
    expect(snippetParts("")).toEqual([]);
  });
});
