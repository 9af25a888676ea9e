import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from "./search-query";

/**
 * Bounded work for a search whose words match very many annotations (decision 029, "Bounded work"), as
 * Elasticsearch counts hits exactly only up to 10,000 by default (`track_total_hits`). SQLite's FTS5
 * ranks, and the facets count, every match: a word in most of 100,000 annotations cost 50 ms to rank and
 * 80 ms to count on the 2-core machine. Up to RANKED_AT_MOST matches nothing changes. Above it:
 * - without filters, only the newest RANKED_AT_MOST matches are ranked: as many as the pages reach
 *   anyway (SEARCH_MAX_PAGE pages), the total stays exact (counting matches alone is cheap);
 * - the facet counts come from a sample of about FACET_SAMPLE matches, scaled up, and say they are
 *   estimates (so does the total under a filter, which is counted the same way).
 * With a filter every match under it is ranked: a window over the words' matches could leave out
 * every one the filter wants.
 */
export const RANKED_AT_MOST = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;
export const FACET_SAMPLE = 4_000;
/** A match is sampled when a hash of its index row number, 0 to SAMPLE_SLOTS - 1, is below `keep`. */
export const SAMPLE_SLOTS = 1024;

export type SearchBounds = {
  /** Rank only the newest this many matches (no filter is set), or every match (null). */
  rankNewest: number | null;
  /** Count facets over the matches whose slot is below `keep`, or over every match (null). */
  sample: { keep: number; scale: number } | null;
};

export function searchBounds(matches: number, filtered: boolean): SearchBounds {
  if (matches <= RANKED_AT_MOST) return { rankNewest: null, sample: null };
  const keep = Math.max(1, Math.min(SAMPLE_SLOTS, Math.ceil((SAMPLE_SLOTS * FACET_SAMPLE) / matches)));
  return {
    rankNewest: filtered ? null : RANKED_AT_MOST,
    sample: keep < SAMPLE_SLOTS ? { keep, scale: SAMPLE_SLOTS / keep } : null,
  };
}

/** A count scaled up from a sample, to two significant figures (more would claim a precision it has not). */
export function roughly(scaled: number): number {
  if (scaled < 100) return Math.round(scaled);
  const unit = 10 ** (Math.floor(Math.log10(scaled)) - 1);
  return Math.round(scaled / unit) * unit;
}
