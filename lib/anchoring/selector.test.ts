import { describe, expect, it } from "vitest";
import { quoteAt } from "./selector";

describe("quoteAt", () => {
  const text = "abcdefghij".repeat(10);

  it("returns the quote with up to 32 code units of context each side", () => {
    const anchor = quoteAt(text, 40, 45);
    expect(anchor.quote).toBe("abcde");
    expect(anchor.prefix).toBe(text.slice(8, 40));
    expect(anchor.suffix).toBe(text.slice(45, 77));
  });

  it("clips the context at the ends of the text", () => {
    expect(quoteAt(text, 0, 3)).toEqual({ quote: "abc", prefix: "", suffix: text.slice(3, 35) });
    expect(quoteAt(text, 98, 100)).toEqual({ quote: "ij", prefix: text.slice(66, 98), suffix: "" });
  });

  it("counts UTF-16 code units, as the DOM does, and never splits an emoji", () => {
    const withEmoji = "🚲".repeat(20) + "X" + "🚲".repeat(20);
    const at = withEmoji.indexOf("X");
    expect(at).toBe(40);
    const anchor = quoteAt(withEmoji, at, at + 1);
    expect(anchor.quote).toBe("X");
    expect(anchor.prefix).toBe("🚲".repeat(16));
    expect(anchor.suffix).toBe("🚲".repeat(16));
    const odd = quoteAt("a" + "🚲".repeat(20) + "X", 41, 42, 31);
    expect(odd.prefix.length).toBe(32);
    expect(odd.prefix.startsWith("🚲")).toBe(true);
  });

  it.each([
    [5, 5],
    [6, 5],
    [-1, 2],
    [0, 101],
    [1.5, 3],
  ])("rejects the span [%d, %d)", (start, end) => {
    expect(() => quoteAt(text, start, end)).toThrow(RangeError);
  });
});
