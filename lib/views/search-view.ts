import type { AnnotationKind, AnnotationStatus, ArticleStatus, Verdict } from "../domain/annotation";

/** One annotation found: `snippet` has its matching words between MARK_START and MARK_END (lib/domain/search-query.ts). */
export type SearchAnnotationItem = {
  id: string;
  articleId: string;
  articleTitle: string;
  kind: AnnotationKind;
  label: string;
  verdict: Verdict | null;
  status: AnnotationStatus;
  speaker: string | null;
  quote: string;
  createdAt: string;
  /** Relevance, higher is better (0 when browsing without words); comparable within one answer only. */
  rank: number;
  snippet: string;
};

export type SearchArticleItem = {
  id: string;
  title: string;
  status: ArticleStatus;
  updatedAt: string;
  rank: number;
  snippet: string;
};

import type { FacetCount } from "../domain/search-facets";
export type { FacetCount };

export type SearchResult = {
  /** The words searched for, as the database saw them (empty when browsing by date). */
  words: string[];
  annotations: {
    items: SearchAnnotationItem[];
    total: number;
    page: number;
    pageSize: number;
    /**
     * The words matched too many annotations to count each (decision 029, "Bounded work"): the facet counts,
     * and under a filter the total, are estimates from a sample, to two significant figures.
     */
    estimated: boolean;
    /** Only the newest this many matches were ranked (the words alone matched more, with no filter); else null. */
    rankedNewest: number | null;
  };
  articles: { items: SearchArticleItem[]; total: number };
  facets: { kind: FacetCount[]; verdict: FacetCount[]; status: FacetCount[]; speaker: FacetCount[] };
};
