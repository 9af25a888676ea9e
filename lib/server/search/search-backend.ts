import type { Db } from "../../db/client";
import type { SearchBounds } from "../../domain/search-bounds";
import type { FacetRow, SearchFilters } from "./search-filters";

/** An annotation found by the words: its id, relevance (higher is better) and marked snippet. */
export type RankedMatch = { id: string; rank: number; snippet: string | null };

export type ArticleMatch = {
  id: string;
  title: string;
  status: string;
  updatedAt: Date | string;
  rank: number;
  snippet: string | null;
};

/** The queries that differ between FTS5 and PostgreSQL's full text; `words` is never empty. */
export type SearchBackend = {
  /** How many annotations the words match (no filter), where counting is cheap enough to bound the rest by it; else absent. */
  matchCount?(db: Db, words: string[]): Promise<number>;
  page(
    db: Db,
    words: string[],
    filters: SearchFilters,
    offset: number,
    limit: number,
    bounds?: SearchBounds,
  ): Promise<RankedMatch[]>;
  /** With `bounds.sample`, the counts are of the sample (scaled up by the caller). */
  facets(db: Db, words: string[], filters: SearchFilters, bounds?: SearchBounds): Promise<FacetRow[]>;
  /** The best `limit` articles, and how many match in all. */
  articles(db: Db, words: string[], limit: number): Promise<{ items: ArticleMatch[]; total: number }>;
};
