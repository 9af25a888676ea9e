import { describe, expect, it } from "vitest";
import { oneLine } from "./one-line";

describe("oneLine", () => {
  it("puts text on one line and keeps it whole when it fits", () => {
    expect(oneLine("  A claim\n\twith  breaks ", 20)).toBe("A claim with breaks");
    expect(oneLine("x".repeat(10), 10)).toBe("x".repeat(10));
  });

  it("cuts longer text to exactly max characters, the last one an ellipsis", () => {
    const cut = oneLine("y".repeat(11), 10);
    expect(cut).toBe(`${"y".repeat(9)}…`);
    expect(cut).toHaveLength(10);
  });
});
