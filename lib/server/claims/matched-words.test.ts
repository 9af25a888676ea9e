import { describe, expect, it } from "vitest";
import { COMMON_FROM, matchedWords, RANKED_AT_MOST } from "./find-similar-claims";

describe("matchedWords: what the PostgreSQL match asks for", () => {
  it("takes every word while their quotes stay within the budget", () => {
    const held = [
      { word: "ofsted", quotes: 3 },
      { word: "inspector", quotes: 40 },
      { word: "school", quotes: 900 },
    ];
    expect(matchedWords(held)).toEqual(["ofsted", "inspector", "school"]);
  });

  it("stops at the first word that would take the quotes past the budget, rarest kept", () => {
    const held = [
      { word: "ofsted", quotes: 3 },
      { word: "school", quotes: RANKED_AT_MOST - 3 },
      { word: "said", quotes: COMMON_FROM },
    ];
    expect(matchedWords(held)).toEqual(["ofsted", "school"]);
  });

  it("always asks for the rarest word, even when it alone is common", () => {
    const held = [
      { word: "people", quotes: RANKED_AT_MOST + 1 },
      { word: "year", quotes: RANKED_AT_MOST + 5 },
    ];
    expect(matchedWords(held)).toEqual(["people"]);
  });

  it("counts a word it has no count for as common", () => {
    const held = Array.from({ length: 8 }, (_, i) => ({ word: `w${i}`, quotes: null }));
    expect(matchedWords(held)).toHaveLength(Math.max(1, Math.floor(RANKED_AT_MOST / COMMON_FROM)));
  });
});
