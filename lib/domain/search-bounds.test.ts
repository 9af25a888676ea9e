import { describe, expect, it } from "vitest";
import { FACET_SAMPLE, RANKED_AT_MOST, roughly, SAMPLE_SLOTS, searchBounds } from "./search-bounds";
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from "./search-query";

describe("search bounds", () => {
  it("changes nothing up to as many matches as the pages reach", () => {
    expect(RANKED_AT_MOST).toBe(SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE);
    expect(searchBounds(RANKED_AT_MOST, false)).toEqual({ rankNewest: null, sample: null });
    expect(searchBounds(12, true)).toEqual({ rankNewest: null, sample: null });
  });

  it("above them, ranks the newest only without a filter, and samples the facets to about FACET_SAMPLE", () => {
    for (const matches of [RANKED_AT_MOST + 1, 21_316, 81_372, 1_000_000]) {
      const bounds = searchBounds(matches, false);
      expect(bounds.rankNewest).toBe(RANKED_AT_MOST);
      const sample = bounds.sample!;
      const sampled = (matches * sample.keep) / SAMPLE_SLOTS;
      // Never fewer than FACET_SAMPLE expected (rounding up), and within one slot of it.
      expect(sampled).toBeGreaterThanOrEqual(Math.min(FACET_SAMPLE, matches / SAMPLE_SLOTS));
      expect(sampled).toBeLessThan(FACET_SAMPLE + matches / SAMPLE_SLOTS);
      expect(sample.scale * sample.keep).toBe(SAMPLE_SLOTS);
    }
    // With a filter, every match under it is ranked: a window could leave out all the filter wants.
    expect(searchBounds(81_372, true).rankNewest).toBeNull();
    expect(searchBounds(81_372, true).sample).not.toBeNull();
  });

  it("says an estimate to two significant figures", () => {
    expect(roughly(7.4)).toBe(7);
    expect(roughly(99.4)).toBe(99);
    expect(roughly(1234.5)).toBe(1200);
    expect(roughly(81_372)).toBe(81_000);
    expect(roughly(9_960)).toBe(10_000);
  });
});
