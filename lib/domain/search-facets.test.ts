import { describe, expect, it } from "vitest";
import { facetCounts, type FacetCombo } from "./search-facets";

const combo = (kind: string, verdict: string | null, status: string, count: number, speaker: string | null = null) =>
  ({ kind, verdict, status, speaker, count }) satisfies FacetCombo;

describe("facetCounts", () => {
  const combos = [
    combo("CLAIM", "FALSE", "DRAFT", 3),
    combo("CLAIM", "TRUE", "APPROVED", 2),
    combo("DENIAL", "FALSE", "APPROVED", 1),
    combo("ANALYSIS", null, "DRAFT", 4),
  ];

  it("counts every value with nothing chosen", () => {
    expect(facetCounts(combos, {})).toEqual({
      total: 10,
      kind: [
        { value: "ANALYSIS", count: 4 },
        { value: "CLAIM", count: 5 },
        { value: "DENIAL", count: 1 },
      ].sort((a, b) => b.count - a.count),
      verdict: [
        { value: "FALSE", count: 4 },
        { value: "TRUE", count: 2 },
      ],
      status: [
        { value: "DRAFT", count: 7 },
        { value: "APPROVED", count: 3 },
      ],
    });
  });

  it("counts each facet under the other filters, not its own", () => {
    const counts = facetCounts(combos, { kind: "CLAIM", verdict: "FALSE" });
    expect(counts.total).toBe(3);
    // Every kind, among the FALSE ones: switching kind stays possible.
    expect(counts.kind).toEqual([
      { value: "CLAIM", count: 3 },
      { value: "DENIAL", count: 1 },
    ]);
    // Every verdict, among the claims.
    expect(counts.verdict).toEqual([
      { value: "FALSE", count: 3 },
      { value: "TRUE", count: 2 },
    ]);
    expect(counts.status).toEqual([{ value: "DRAFT", count: 3 }]);
  });

  it("with a speaker chosen, counts only that speaker's matches", () => {
    const bySpeaker = [combo("CLAIM", "FALSE", "DRAFT", 2, "yes"), combo("CLAIM", "FALSE", "DRAFT", 5, "no")];
    expect(facetCounts(bySpeaker, { speaker: "Ana" })).toMatchObject({
      total: 2,
      kind: [{ value: "CLAIM", count: 2 }],
    });
  });
});
