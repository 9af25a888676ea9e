import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Actor } from "../../domain/actor";
import type { AnnotationKind, AnnotationStatus, ArticleStatus, Verdict } from "../../domain/annotation";
import { annotationLabel } from "../../domain/annotation-label";
import { providerOf, type Db } from "../../db/client";
import { onReadThread } from "../../db-thread/on-db-thread";
import { roughly, searchBounds, type SearchBounds } from "../../domain/search-bounds";
import { facetCounts, sortCounts } from "../../domain/search-facets";
import { searchWords, SEARCH_PAGE_SIZE } from "../../domain/search-query";
import { ZSearchQuery } from "../../schemas/search";
import type { SearchResult } from "../../views/search-view";
import { requirePermission } from "../shared/require-permission";
import { postgresqlSearch } from "./postgresql-search";
import { cachedSearch } from "./search-cache";
import type { RankedMatch } from "./search-backend";
import {
  ANNOTATION_COLUMNS,
  dateSql,
  facetSql,
  filterSql,
  hasFilters,
  MATCH_SELECT,
  type FacetRow,
  type SearchFilters,
} from "./search-filters";
import { sqliteSearch } from "./sqlite-search";

/** Articles listed beside the annotations: a short list, the annotations are what a search is for. */
const ARTICLES_SHOWN = 5;
/** The quote as given in a result, when the snippet is from another field. */
const QUOTE_CHARS = 300;

/**
 * Search across every article (#18): annotations by their quote, speaker, note, rationale and
 * sources' titles, ranked, with facet counts (each over the matches under the other filters), and
 * the articles whose title or text match. Without words, the annotations under the filters,
 * newest first. Any signed-in user may search.
 */
export const searchLibrary = onReadThread(
  "searchLibrary",
  async function searchLibrary(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<SearchResult> {
    requirePermission(actor, "read:article");
    const { q, page, ...filters } = ZSearchQuery.parse(input);
    const words = searchWords(q);
    // The answer is the same for every reader (the permission is checked above): one cache for all.
    const key = JSON.stringify({ words, nothing: !words.length && Boolean(q.trim()), page, filters });
    return cachedSearch(db, key, () => find(db, { q, words, page, filters }));
  },
);

/** The search itself, for the parsed query. */
async function find(
  db: Db,
  { q, words, page, filters }: { q: string; words: string[]; page: number; filters: SearchFilters },
): Promise<SearchResult> {
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const pageOf = (items: SearchResult["annotations"]["items"], total: number, bounds?: SearchBounds) => ({
    items,
    total,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    estimated: Boolean(bounds?.sample),
    rankedNewest: bounds?.rankNewest ?? null,
  });

  // Text with no word in it ("*", "-", quotes only) matches nothing; no text at all browses.
  if (!words.length && q.trim())
    return { words, annotations: pageOf([], 0), articles: { items: [], total: 0 }, facets: emptyFacets() };

  const backend = providerOf(db) === "postgresql" ? postgresqlSearch : sqliteSearch;
  const matchCount = words.length && backend.matchCount ? await backend.matchCount(db, words) : null;
  const bounds = matchCount === null ? undefined : searchBounds(matchCount, hasFilters(filters));
  const [matches, facetRows, articles] = words.length
    ? await Promise.all([
        backend.page(db, words, filters, offset, SEARCH_PAGE_SIZE, bounds),
        backend.facets(db, words, filters, bounds),
        backend.articles(db, words, ARTICLES_SHOWN),
      ])
    : await Promise.all([browsePage(db, filters, offset), browseFacets(db, filters), { items: [], total: 0 }]);

  // A sample's counts are scaled up, summed as facetCounts needs, and only then rounded.
  const scale = bounds?.sample?.scale ?? 1;
  const shown = (counts: { value: string; count: number }[]) =>
    scale === 1 ? counts : sortCounts(counts.map(({ value, count }) => ({ value, count: roughly(count) })));
  const counted = facetCounts(
    facetRows
      .filter((row) => row.facet === "combo")
      .map((row) => ({
        kind: row.kind,
        verdict: row.verdict,
        status: row.status,
        speaker: row.speaker,
        count: Number(row.n) * scale,
      })),
    filters,
  );
  // Without a filter every match counts, and counting the words' matches is exact even when the facets were sampled.
  const total = scale === 1 ? counted.total : hasFilters(filters) ? roughly(counted.total) : matchCount!;
  const facets: SearchResult["facets"] = {
    kind: shown(counted.kind),
    verdict: shown(counted.verdict),
    status: shown(counted.status),
    speaker: shown(
      sortCounts(
        facetRows
          .filter((row) => row.facet === "speaker" && row.speaker !== null)
          .map((row) => ({ value: row.speaker!, count: Number(row.n) * scale })),
      ),
    ),
  };
  const rows = matches.length
    ? await db.annotation.findMany({
        where: { id: { in: matches.map((match) => match.id) } },
        select: {
          id: true,
          articleId: true,
          kind: true,
          number: true,
          verdict: true,
          status: true,
          speaker: true,
          quote: true,
          createdAt: true,
          article: { select: { title: true } },
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = matches.flatMap((match) => {
    const row = byId.get(match.id);
    if (!row) return []; // Deleted between the two reads.
    return [
      {
        id: row.id,
        articleId: row.articleId,
        articleTitle: row.article.title,
        kind: row.kind as AnnotationKind,
        label: annotationLabel(row.kind as AnnotationKind, row.number),
        verdict: row.verdict as Verdict | null,
        status: row.status as AnnotationStatus,
        speaker: row.speaker,
        quote: row.quote.slice(0, QUOTE_CHARS),
        createdAt: row.createdAt.toISOString(),
        rank: Number(match.rank),
        snippet: match.snippet ?? row.quote.slice(0, QUOTE_CHARS),
      },
    ];
  });
  return {
    words,
    annotations: pageOf(items, total, bounds),
    articles: {
      total: articles.total,
      items: articles.items.map((article) => ({
        id: article.id,
        title: article.title,
        status: article.status as ArticleStatus,
        updatedAt: new Date(article.updatedAt).toISOString(),
        rank: Number(article.rank),
        snippet: article.snippet ?? "",
      })),
    },
    facets,
  };
}

/** Browsing (no words): the annotations under the filters, newest first. */
function browsePage(db: Db, filters: SearchFilters, offset: number): Promise<RankedMatch[]> {
  return db.$queryRaw<RankedMatch[]>`
    SELECT a."id", 0 AS "rank", NULL AS "snippet"
    FROM "Annotation" a LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
    WHERE 1 = 1 ${filterSql(filters, ANNOTATION_COLUMNS)}
    ORDER BY a."createdAt" DESC, a."id"
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
}

function browseFacets(db: Db, filters: SearchFilters): Promise<FacetRow[]> {
  return db.$queryRaw<FacetRow[]>(
    facetSql(
      sql`SELECT ${MATCH_SELECT} FROM "Annotation" a LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
        WHERE 1 = 1 ${dateSql(filters, ANNOTATION_COLUMNS)}`,
      filters,
    ),
  );
}

function emptyFacets(): SearchResult["facets"] {
  return { kind: [], verdict: [], status: [], speaker: [] };
}
