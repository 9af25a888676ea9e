import { sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../db/client";
import { MARK_END, MARK_START, tsQueryText } from "../../domain/search-query";
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

/** ts_rank_cd's weights for D, C, B, A: note/body 0.1, rationale+sources 0.2, speaker 0.4, quote/title 1. */
const WEIGHTS = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** ts_headline reads the whole text it is given: an article's body is cut to this many characters first. */
const ARTICLE_HEADLINE_CHARS = 20_000;

/**
 * PostgreSQL full text (decision 029): plainto_tsquery of the app's own words (all required, no
 * operators), ranked by ts_rank_cd; snippets by ts_headline, only for the page's rows (it is slow).
 */
export const postgresqlSearch: SearchBackend = {
  page(db: Db, words, filters, offset, limit): Promise<RankedMatch[]> {
    const text = tsQueryText(words);
    return db.$queryRaw<RankedMatch[]>`
      SELECT p."id", p."rank", ts_headline('english', p."text", plainto_tsquery('english', ${text}), ${HEADLINE}) AS "snippet"
      FROM (
        SELECT a."id", ts_rank_cd(${WEIGHTS}, f."document", query) AS "rank", a."createdAt",
          concat_ws(' … ', a."quote", nullif(a."speaker", ''), nullif(a."rationale", ''), nullif(a."note", '')) AS "text"
        FROM "AnnotationFts" f
        CROSS JOIN plainto_tsquery('english', ${text}) query
        JOIN "Annotation" a ON a."id" = f."annotationId"
        LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
        WHERE f."document" @@ query ${filterSql(filters, ANNOTATION_COLUMNS)}
        ORDER BY "rank" DESC, a."createdAt" DESC, a."id"
        LIMIT ${limit} OFFSET ${offset}
      ) p
      ORDER BY p."rank" DESC, p."createdAt" DESC, p."id"`;
  },

  facets(db: Db, words, filters: SearchFilters): Promise<FacetRow[]> {
    return db.$queryRaw<FacetRow[]>(
      facetSql(
        sql`SELECT ${MATCH_SELECT} FROM "AnnotationFts" f
          JOIN "Annotation" a ON a."id" = f."annotationId"
          LEFT JOIN "Speaker" sp ON sp."id" = a."speakerId"
          WHERE f."document" @@ plainto_tsquery('english', ${tsQueryText(words)}) ${dateSql(filters, ANNOTATION_COLUMNS)}`,
        filters,
      ),
    );
  },

  async articles(db: Db, words, limit) {
    const text = tsQueryText(words);
    const rows = await db.$queryRaw<(ArticleMatch & { total: number | bigint })[]>`
      SELECT p."id", p."title", p."status", p."updatedAt", p."rank", p."total",
        ts_headline('english', left(coalesce(r."text", ''), ${ARTICLE_HEADLINE_CHARS}), plainto_tsquery('english', ${text}), ${HEADLINE}) AS "snippet"
      FROM (
        SELECT ar."id", ar."title", CAST(ar."status" AS TEXT) AS "status", ar."updatedAt", ar."currentRevisionId",
          ts_rank_cd(${WEIGHTS}, f."document", query) AS "rank", count(*) OVER () AS "total"
        FROM "ArticleFts" f
        CROSS JOIN plainto_tsquery('english', ${text}) query
        JOIN "Article" ar ON ar."id" = f."articleId"
        WHERE f."document" @@ query
        ORDER BY "rank" DESC, ar."updatedAt" DESC
        LIMIT ${limit}
      ) p
      LEFT JOIN "ArticleRevision" r ON r."id" = p."currentRevisionId"
      ORDER BY p."rank" DESC, p."updatedAt" DESC`;
    return { items: rows, total: Number(rows[0]?.total ?? 0) };
  },
};
