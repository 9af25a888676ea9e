import { describe, expect, it } from "vitest";
import { suggestPlacement } from "./suggest";

const TEXT =
  "The council approved the budget on Monday. Critics said the budget was rushed.\n\n" +
  "A spokesperson said the plan would cut waiting times at the regional hospital by a third.";

describe("suggestPlacement", () => {
  it("ranks exact occurrences by how much of the stored context agrees", () => {
    const placement = suggestPlacement(TEXT, { quote: "the budget", prefix: "Critics said ", suffix: " was rushed." });
    expect(placement).toEqual({
      start: TEXT.lastIndexOf("the budget"),
      end: TEXT.lastIndexOf("the budget") + 10,
      score: 1,
    });
    const other = suggestPlacement(TEXT, { quote: "the budget", prefix: "council approved ", suffix: " on Monday" });
    expect(other?.start).toBe(TEXT.indexOf("the budget"));
  });

  it("offers the best fuzzy window, scored below 1, when the words were changed", () => {
    const placement = suggestPlacement(TEXT, {
      quote: "the plan would cut waiting times at the regional clinic by half",
      prefix: "A spokesperson said ",
      suffix: ".",
    });
    expect(placement).not.toBeNull();
    expect(TEXT.slice(placement?.start, placement?.end)).toBe(
      "the plan would cut waiting times at the regional hospital by",
    );
    expect(placement?.score).toBeLessThan(1);
    expect(placement?.score).toBeGreaterThan(0.6);
  });

  it("returns null when nothing credible is there (too few shared words, or a lone word)", () => {
    expect(
      suggestPlacement(TEXT, { quote: "ministers postponed the referendum until spring", prefix: "", suffix: "" }),
    ).toBeNull();
    expect(suggestPlacement(TEXT, { quote: "Tuesday", prefix: "", suffix: "" })).toBeNull();
    expect(suggestPlacement(TEXT, { quote: "  ", prefix: "", suffix: "" })).toBeNull();
  });
});
