import { describe, expect, it } from "vitest";
import { leftOutLabel, previewRuns } from "./preview-runs";

describe("previewRuns", () => {
  it("keeps each kept block alone and groups neighbouring left-out blocks, in page order", () => {
    expect(previewRuns([false, false, true, true, false, true, false, false, false])).toEqual([
      { leftOut: true, indexes: [0, 1] },
      { leftOut: false, indexes: [2] },
      { leftOut: false, indexes: [3] },
      { leftOut: true, indexes: [4] },
      { leftOut: false, indexes: [5] },
      { leftOut: true, indexes: [6, 7, 8] },
    ]);
    expect(previewRuns([])).toEqual([]);
  });

  it("counts in words", () => {
    expect(leftOutLabel(1)).toBe("1 block left out");
    expect(leftOutLabel(12)).toBe("12 blocks left out");
  });
});
