import { describe, expect, it } from "vitest";
import { annotationLabel } from "./annotation-label";

describe("annotationLabel", () => {
  it.each([
    ["CLAIM", 3, "C3"],
    ["DENIAL", 1, "D1"],
    ["ANALYSIS", 2, "A2"],
    ["CLAIM", 12, "C12"],
  ] as const)("%s %d → %s", (kind, number, label) => {
    expect(annotationLabel(kind, number)).toBe(label);
  });
});
