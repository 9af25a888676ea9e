import { describe, expect, it } from "vitest";
import { CHECKED_BEFORE_TEXT, checkedBeforeText } from "./checked-before-text";

describe("checkedBeforeText", () => {
  it("asks about a claim's quote as it is, trimmed", () => {
    expect(checkedBeforeText("  Unemployment rose by 20 per cent.  ")).toBe("Unemployment rose by 20 per cent.");
  });

  it("does not ask about a quote too short to match", () => {
    expect(checkedBeforeText("No")).toBeNull();
    expect(checkedBeforeText("   ")).toBeNull();
  });

  it("asks about a paragraph-long claim by its beginning, cut at a word", () => {
    const long = `${"word ".repeat(500)}tail`;
    const text = checkedBeforeText(long)!;
    expect(text.length).toBeLessThanOrEqual(CHECKED_BEFORE_TEXT.max);
    expect(text.length).toBeGreaterThan(CHECKED_BEFORE_TEXT.max - 10);
    expect(text.endsWith("word")).toBe(true);
    // One unbroken run of letters is cut where the limit falls.
    expect(checkedBeforeText("x".repeat(3000))).toBe("x".repeat(CHECKED_BEFORE_TEXT.max));
  });
});
