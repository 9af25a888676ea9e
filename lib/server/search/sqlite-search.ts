import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../db/client";
import { fts5Query, MARK_END, MARK_START } from "../../domain/search-query";
import {
  ANNOTATION_COLUMNS,
  dateSql,
  facetSql,
  filterSql,
  MATCH_SELECT,
  type FacetRow,
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
 * Matches reach their annotation through the key table (rowid → id), not the index's own
 * annotationId column: reading that column reads each match's whole stored row (quote, note…),
 * which took about twice as long for thousands of matches.
 */
export const sqliteSearch: SearchBackend = {
  async page(db: Db, words, filters, offset, limit): Promise<RankedMatch[]> {
    const match = fts5Query(words);
    return db.$queryRaw<RankedMatch[]>`
      SELECT k."annotationId" AS "id", -bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}) AS "rank",
        snippet("AnnotationFts", -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
      FROM "AnnotationFts" f
      JOIN "AnnotationFtsKey" k ON k."id" = f."rowid"
      JOIN "Annotation" a ON a."id" = k."annotationId"
      LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
      WHERE "AnnotationFts" MATCH ${match} ${filterSql(filters, ANNOTATION_COLUMNS)}
      ORDER BY bm25("AnnotationFts", ${ANNOTATION_WEIGHTS}), a."createdAt" DESC, a."id"
      LIMIT ${limit} OFFSET ${offset}`;
  },

  facets(db: Db, words, filters: SearchFilters): Promise<FacetRow[]> {
    return db.$queryRaw<FacetRow[]>(
      facetSql(
        sql`SELECT ${MATCH_SELECT} FROM "AnnotationFts" f
          JOIN "AnnotationFtsKey" k ON k."id" = f."rowid"
          JOIN "Annotation" a ON a."id" = k."annotationId"
          LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
          WHERE "AnnotationFts" MATCH ${fts5Query(words)} ${dateSql(filters, ANNOTATION_COLUMNS)}`,
        filters,
      ),
    );
  },

  async articles(db: Db, words, limit) {
    const match = fts5Query(words);
    // Counted apart: FTS5's bm25() and snippet() cannot run under a window function (count(*) OVER ()).
    const [rows, [{ n }]] = await Promise.all([
      db.$queryRaw<ArticleMatch[]>`
      SELECT k."articleId" AS "id", ar."title" AS "title", CAST(ar."status" AS TEXT) AS "status",
        ar."updatedAt" AS "updatedAt", -bm25("ArticleFts", ${ARTICLE_WEIGHTS}) AS "rank",
        snippet("ArticleFts", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
      FROM "ArticleFts" f JOIN "ArticleFtsKey" k ON k."id" = f."rowid" JOIN "Article" ar ON ar."id" = k."articleId"
      WHERE "ArticleFts" MATCH ${match}
      ORDER BY bm25("ArticleFts", ${ARTICLE_WEIGHTS}), ar."updatedAt" DESC
      LIMIT ${limit}`,
      db.$queryRaw<
        { n: number | bigint }[]
      >`SELECT count(*) AS "n" FROM "ArticleFts" WHERE "ArticleFts" MATCH ${match}`,
    ]);
    return { items: rows, total: Number(n) };
  },
};
