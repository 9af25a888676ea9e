import type { Db } from "../../db/client";
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
  page(db: Db, words: string[], filters: SearchFilters, offset: number, limit: number): Promise<RankedMatch[]>;
  facets(db: Db, words: string[], filters: SearchFilters): Promise<FacetRow[]>;
  /** The best `limit` articles, and how many match in all. */
  articles(db: Db, words: string[], limit: number): Promise<{ items: ArticleMatch[]; total: number }>;
};
