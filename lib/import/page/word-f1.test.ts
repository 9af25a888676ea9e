import { describe, expect, it } from "vitest";
import { wordF1, words } from "./word-f1";

describe("words", () => {
  it("lower-cases Unicode letter and number runs, dropping punctuation", () => {
    expect(words("The U.S. spent $4.2bn — “twice” 2025's total; Ünïcode")).toEqual([
      "the",
      "u",
      "s",
      "spent",
      "4",
      "2bn",
      "twice",
      "2025",
      "s",
      "total",
      "ünïcode",
    ]);
  });

  it("reads right-to-left and CJK letters as words", () => {
    expect(words("قال الوزير، 12 مليون")).toEqual(["قال", "الوزير", "12", "مليون"]);
    expect(words("東京 2026")).toEqual(["東京", "2026"]);
  });
});

describe("wordF1", () => {
  it("scores identical texts 1 whatever the spacing and case", () => {
    expect(wordF1("A  cat.\n\nA dog", "a cat a DOG")).toMatchObject({ precision: 1, recall: 1, f1: 1, matched: 4 });
  });

  it("counts each occurrence once: extra menu words cost precision, missing words cost recall", () => {
    const score = wordF1("home news the cat sat", "the cat sat on the mat");
    expect(score).toMatchObject({ extracted: 5, expected: 6, matched: 3 });
    expect(score.precision).toBeCloseTo(3 / 5);
    expect(score.recall).toBeCloseTo(3 / 6);
    expect(score.f1).toBeCloseTo((2 * 0.6 * 0.5) / 1.1);
  });

  it("matches a repeated word only as often as the expected text has it", () => {
    expect(wordF1("the the the", "the")).toMatchObject({ matched: 1, precision: 1 / 3, recall: 1 });
  });

  it("gives 0 when one side is empty and 1 when both are", () => {
    expect(wordF1("", "some words").f1).toBe(0);
    expect(wordF1("some words", "").f1).toBe(0);
    expect(wordF1("", " — ").f1).toBe(1);
  });
});
