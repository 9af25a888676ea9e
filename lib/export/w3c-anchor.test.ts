import { describe, expect, it } from "vitest";
import { quoteAt } from "../anchoring/selector";
import { anchorParsed } from "./w3c-anchor";

const original = "The minister said prices fell. Critics said prices fell only in March. Prices rose later.";
const span = {
  start: original.indexOf("prices fell only"),
  end: original.indexOf("prices fell only") + "prices fell".length,
};
const stored = { quote: { exact: "prices fell", ...pick(quoteAt(original, span.start, span.end)) }, position: span };

function pick({ prefix, suffix }: { prefix: string; suffix: string }) {
  return { prefix, suffix };
}

describe("anchorParsed", () => {
  it("uses the position when it still selects the quote", () => {
    expect(anchorParsed(original, stored)).toEqual(span);
  });

  it("follows the quote when text is edited before it", () => {
    const edited = `Breaking: ${original}`;
    expect(anchorParsed(edited, stored)).toEqual({ start: span.start + 10, end: span.end + 10 });
  });

  it("finds a quote that moved elsewhere in the text", () => {
    const moved = "Critics said prices fell only in March. Prices rose later. The minister spoke.";
    expect(anchorParsed(moved, stored)).toEqual({ start: 13, end: 24 });
  });

  it("tells duplicate quotes apart by their prefix and suffix", () => {
    // Both occurrences shift; the stored context points at the second one.
    const edited = original.replace("The minister", "Yesterday the prime minister");
    const second = edited.indexOf("prices fell only");
    expect(anchorParsed(edited, stored)).toEqual({ start: second, end: second + 11 });
    const first = edited.indexOf("prices fell");
    const firstContext = {
      quote: { exact: "prices fell", ...pick(quoteAt(original, 18, 29)) },
      position: { start: 18, end: 29 },
    };
    expect(anchorParsed(edited, firstContext)).toEqual({ start: first, end: first + 11 });
  });

  it("prefers the occurrence nearest the old position when context cannot decide", () => {
    const text = "ab ab ab ab";
    expect(
      anchorParsed(text, { quote: { exact: "ab", prefix: "", suffix: "" }, position: { start: 7, end: 8 } }),
    ).toEqual({ start: 6, end: 8 });
    expect(anchorParsed(text, { quote: { exact: "ab", prefix: "", suffix: "" }, position: null })).toEqual({
      start: 0,
      end: 2,
    });
  });

  it("uses a lone quote without context or position", () => {
    expect(anchorParsed(original, { quote: { exact: "Critics", prefix: "", suffix: "" }, position: null })).toEqual({
      start: 31,
      end: 38,
    });
  });

  it("uses a lone position inside the text", () => {
    expect(anchorParsed(original, { quote: null, position: { start: 4, end: 12 } })).toEqual({ start: 4, end: 12 });
    expect(anchorParsed("short", { quote: null, position: { start: 4, end: 12 } })).toEqual({
      reason: expect.stringContaining("outside the text"),
    });
  });

  it("gives a reason when the quote is gone", () => {
    const result = anchorParsed("Nothing to see here.", stored);
    expect(result).toEqual({ reason: "the quote “prices fell” no longer appears in the text" });
  });
});
