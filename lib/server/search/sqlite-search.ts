import { empty, join, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../db/client";
import { SAMPLE_SLOTS, type SearchBounds } from "../../domain/search-bounds";
import { fts5Query, MARK_END, MARK_START } from "../../domain/search-query";
import {
  dateSql,
  facetSql,
  filterSql,
  hasFilters,
  type FacetRow,
  type FilterColumns,
  type SearchFilters,
} from "./search-filters";
import type { ArticleMatch, RankedMatch, SearchBackend } from "./search-backend";

/**
 * bm25 weights per AnnotationFts column (annotationId, quote, speaker, note, rationale, sources):
 * the quote counts most, then the speaker, then the rationale and sources, the internal note least.
 */
const ANNOTATION_WEIGHTS = sql`0.0, 10.0, 5.0, 1.0, 3.0, 3.0`;
/** ArticleFts (articleId, title, body): a word in the title counts ten times one in the text. */
const ARTICLE_WEIGHTS = sql`0.0, 10.0, 1.0`;
/** Tokens around the matches in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 24;

/**
 * FTS5 (decision 029). bm25 is lower for better matches: rank is its negation, higher is better.
 *
 * Cost at 100,000 annotations, where a common word matches tens of thousands:
 * - Ranking and snippets are two steps. SQLite computes a row's result columns before sorting,
 *   so snippet() in the ranking query ran for every match; it now runs for the page's rows only.
 * - Without filters the ranking reads the index alone; matches reach their annotation through the
 *   key table (rowid → id), not the index's stored annotationId column, whose reading reads each
 *   match's whole stored row (quote, note…).
 * - CROSS JOIN keeps the full-text match the outer loop: with a filter (kind, speaker…) SQLite
 *   otherwise chose to scan Annotation and run the MATCH once per row.
 * - Filters and facet counts read the match's kind, verdict, status, speaker and date from the key
 *   table (migration search_facet_keys, kept by the index's triggers): one narrow row by integer key
 *   per match instead of a lookup of the annotation by its text id. The speaker's record name comes
 *   from Speaker (a small table) by speakerId.
 */
/** A match's filter and facet values, on the key table k (and its speaker record sp). */
const KEY_COLUMNS: FilterColumns = {
  kind: sql`k."kind"`,
  verdict: sql`k."verdict"`,
  status: sql`k."status"`,
  speaker: sql`coalesce(sp."name", k."speaker")`,
  createdAt: sql`k."createdAt"`,
};
const KEY_SELECT = sql`k."kind" AS "kind", k."verdict" AS "verdict", k."status" AS "status",
  coalesce(sp."name", k."speaker") AS "speaker"`;

/** Where the filters and facets read from: the key table and the speaker's record. */
const from = {
  columns: KEY_COLUMNS,
  select: KEY_SELECT,
  join: sql`LEFT JOIN "Speaker" sp ON sp."id" = k."speakerId"`,
};

type Ranked = { rowid: number | bigint; id: string; rank: number };

/**
 * `AND` a match is in the facets' sample (decision 029, "Bounded work"): a multiplicative hash of its index row
 * number picks the slot, so the sample follows no pattern in the order annotations were made (every third a claim…).
 */
function sampleSql(bounds: SearchBounds | undefined) {
  if (!bounds?.sample) return empty;
  return sql`AND ((f."rowid" * 2654435761) >> 12) % ${SAMPLE_SLOTS} < ${bounds.sample.keep}`;
}

/** `AND` a match is among the newest `rankNewest` (by index row, which grows as annotations are made). */
async function newestSql(db: Db, match: string, bounds: SearchBounds | undefined) {
  if (!bounds?.rankNewest) return empty;
  // Walking the match list in row order reads no stored row: about a millisecond for 80,000 matches.
  const [oldest] = await db.$queryRaw<{ rowid: number | bigint }[]>`
    SELECT "rowid" FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${match}
    ORDER BY "rowid" DESC LIMIT 1 OFFSET ${bounds.rankNewest - 1}`;
  return oldest ? sql`AND "rowid" >= ${oldest.rowid}` : empty;
}

/** The snippets of the given index rows, by rowid (FTS5 needs the MATCH to place the marks). */
async function snippets(db: Db, table: "annotation" | "article", match: string, rowids: (number | bigint)[]) {
  if (!rowids.length) return new Map<string, string>();
  const rows =
    table === "annotation"
      ? await db.$queryRaw<{ rowid: number | bigint; snippet: string }[]>`
          SELECT "rowid", snippet("AnnotationFts", -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
          FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${match} AND "rowid" IN (${join(rowids)})`
      : await db.$queryRaw<{ rowid: number | bigint; snippet: string }[]>`
          SELECT "rowid", snippet("ArticleFts", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
          FROM "ArticleFts" WHERE "ArticleFts" MATCH ${match} AND "rowid" IN (${join(rowids)})`;
  return new Map(rows.map((row) => [String(row.rowid), row.snippet]));
}

export const sqliteSearch: SearchBackend = {
  async matchCount(db: Db, words) {
    const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT count(*) AS "n" FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${fts5Query(words)}`;
    return Number(n);
  },

  async page(db: Db, words, filters, offset, limit, bounds): Promise<RankedMatch[]> {
    const match = fts5Query(words);
    // Ties (rare with bm25): the later index row first, i.e. the newer annotation.
    const ranked = hasFilters(filters)
      ? await db.$queryRaw<Ranked[]>`
          SELECT f."rowid" AS "rowid", k."annotationId" AS "id", -bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}) AS "rank"
          FROM "AnnotationFts" f
          CROSS JOIN "AnnotationFtsKey" k ON k."id" = f."rowid"
          ${from.join}
          WHERE "AnnotationFts" MATCH ${match} ${filterSql(filters, from.columns)}
          ORDER BY bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}), f."rowid" DESC
          LIMIT ${limit} OFFSET ${offset}`
      : await db.$queryRaw<Ranked[]>`
          SELECT p."rowid", k."annotationId" AS "id", p."rank"
          FROM (
            SELECT "rowid", -bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}) AS "rank"
            FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${match} ${await newestSql(db, match, bounds)}
            ORDER BY bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}), "rowid" DESC
            LIMIT ${limit} OFFSET ${offset}
          ) p CROSS JOIN "AnnotationFtsKey" k ON k."id" = p."rowid"
          ORDER BY p."rank" DESC, p."rowid" DESC`;
    const marked = await snippets(
      db,
      "annotation",
      match,
      ranked.map((row) => row.rowid),
    );
    return ranked.map((row) => ({ id: row.id, rank: row.rank, snippet: marked.get(String(row.rowid)) ?? null }));
  },

  facets(db: Db, words, filters: SearchFilters, bounds): Promise<FacetRow[]> {
    return db.$queryRaw<FacetRow[]>(
      facetSql(
        sql`SELECT ${from.select} FROM "AnnotationFts" f
          CROSS JOIN "AnnotationFtsKey" k ON k."id" = f."rowid"
          ${from.join}
          WHERE "AnnotationFts" MATCH ${fts5Query(words)} ${sampleSql(bounds)} ${dateSql(filters, from.columns)}`,
        filters,
      ),
    );
  },

  async articles(db: Db, words, limit) {
    const match = fts5Query(words);
    // Counted apart: FTS5's bm25() and snippet() cannot run under a window function (count(*) OVER ()).
    const [ranked, [{ n }]] = await Promise.all([
      db.$queryRaw<(Omit<ArticleMatch, "snippet"> & { rowid: number | bigint })[]>`
        SELECT p."rowid", k."articleId" AS "id", ar."title" AS "title", CAST(ar."status" AS TEXT) AS "status",
          ar."updatedAt" AS "updatedAt", p."rank"
        FROM (
          SELECT "rowid", -bm25("ArticleFts", ${ARTICLE_WEIGHTS}) AS "rank"
          FROM "ArticleFts" WHERE "ArticleFts" MATCH ${match}
          ORDER BY bm25("ArticleFts", ${ARTICLE_WEIGHTS}), "rowid" DESC
          LIMIT ${limit}
        ) p
        CROSS JOIN "ArticleFtsKey" k ON k."id" = p."rowid" CROSS JOIN "Article" ar ON ar."id" = k."articleId"
        ORDER BY p."rank" DESC, p."rowid" DESC`,
      db.$queryRaw<
        { n: number | bigint }[]
      >`SELECT count(*) AS "n" FROM "ArticleFts" WHERE "ArticleFts" MATCH ${match}`,
    ]);
    const marked = await snippets(
      db,
      "article",
      match,
      ranked.map((row) => row.rowid),
    );
    return {
      items: ranked.map(({ rowid, ...row }) => ({ ...row, snippet: marked.get(String(rowid)) ?? null })),
      total: Number(n),
    };
  },
};
