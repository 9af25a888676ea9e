import { describe, expect, it } from "vitest";
import { inlineLabel } from "./status";

describe("inlineLabel", () => {
  it("marks a submitted annotation with an arrow, not an ellipsis that reads as cut-off text, and says it in words", () => {
    expect(inlineLabel("C1", "SUBMITTED")).toEqual({ text: "C1\u202f→", spoken: "C1 submitted" });
    expect(inlineLabel("C1", "SUBMITTED").text).not.toMatch(/…|\.\.\.$/);
  });

  it("keeps the other marks, and none for a draft", () => {
    expect(inlineLabel("D2", "APPROVED")).toEqual({ text: "D2\u202f✓", spoken: "D2 approved" });
    expect(inlineLabel("A1", "CHANGES_REQUESTED")).toEqual({ text: "A1\u202f!", spoken: "A1 changes requested" });
    expect(inlineLabel("C3", "DRAFT")).toEqual({ text: "C3", spoken: "C3" });
  });
});
