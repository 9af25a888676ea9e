import { empty, join, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { AnnotationKind, AnnotationStatus, Verdict } from "../../domain/annotation";

export type SearchFilters = {
  kind?: AnnotationKind;
  verdict?: Verdict;
  status?: AnnotationStatus;
  /** The speaker's record name, or the name as written on annotations not linked to a record. */
  speaker?: string;
  from?: Date;
  /** Exclusive upper bound of createdAt. */
  toBefore?: Date;
};

export const FACETS = ["kind", "verdict", "status", "speaker"] as const;
export type Facet = (typeof FACETS)[number];

/**
 * The columns a filter tests, as SQL expressions: on the Annotation row (alias a, speaker record sp)
 * in the page query, on the matches' own columns in the facet query. Enums are compared as text,
 * as PostgreSQL's enum types do not compare with a text parameter.
 */
export type FilterColumns = Record<Facet | "createdAt", Sql>;

export const ANNOTATION_COLUMNS: FilterColumns = {
  kind: sql`CAST(a."kind" AS TEXT)`,
  verdict: sql`CAST(a."verdict" AS TEXT)`,
  status: sql`CAST(a."status" AS TEXT)`,
  speaker: sql`coalesce(sp."name", a."speaker")`,
  createdAt: sql`a."createdAt"`,
};

export const MATCH_COLUMNS: FilterColumns = {
  kind: sql`"kind"`,
  verdict: sql`"verdict"`,
  status: sql`"status"`,
  speaker: sql`"speaker"`,
  createdAt: sql`"createdAt"`,
};

/** `AND …` for each filter set, except the facet left out (a facet counts over the other filters). */
export function filterSql(filters: SearchFilters, columns: FilterColumns, except?: Facet | "dates"): Sql {
  const parts: Sql[] = [];
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value !== undefined && facet !== except) parts.push(sql`${columns[facet]} = ${value}`);
  }
  if (except !== "dates") {
    if (filters.from) parts.push(sql`${columns.createdAt} >= ${filters.from}`);
    if (filters.toBefore) parts.push(sql`${columns.createdAt} < ${filters.toBefore}`);
  }
  return parts.length ? sql`AND ${join(parts, " AND ")}` : empty;
}

/** Only the date bounds (applied once, where the matches are found). */
export function dateSql(filters: SearchFilters, columns: FilterColumns): Sql {
  return filterSql({ from: filters.from, toBefore: filters.toBefore }, columns);
}

/** The matches' columns the facet query groups (MATCH_COLUMNS), from Annotation a and Speaker sp. */
export const MATCH_SELECT = sql`CAST(a."kind" AS TEXT) AS "kind", CAST(a."verdict" AS TEXT) AS "verdict",
  CAST(a."status" AS TEXT) AS "status", coalesce(sp."name", a."speaker") AS "speaker"`;

export type FacetRow = { facet: Facet | "total"; value: string | null; n: number | bigint };

/**
 * One statement for every facet's counts and the total: the matches (`matches`, a SELECT of the
 * MATCH_COLUMNS, date bounds applied) are found once, then grouped per facet under the other filters.
 */
export function facetSql(matches: Sql, filters: SearchFilters): Sql {
  // The dates are applied inside the matches already.
  const { from: _from, toBefore: _toBefore, ...facets } = filters;
  const others = (except?: Facet) => filterSql(facets, MATCH_COLUMNS, except);
  return sql`WITH m AS MATERIALIZED (${matches})
SELECT 'kind' AS facet, "kind" AS value, count(*) AS n FROM m WHERE 1 = 1 ${others("kind")} GROUP BY "kind"
UNION ALL SELECT 'verdict', "verdict", count(*) FROM m WHERE "verdict" IS NOT NULL ${others("verdict")} GROUP BY "verdict"
UNION ALL SELECT 'status', "status", count(*) FROM m WHERE 1 = 1 ${others("status")} GROUP BY "status"
UNION ALL SELECT * FROM (SELECT 'speaker', "speaker", count(*) FROM m WHERE "speaker" IS NOT NULL AND "speaker" <> '' ${others("speaker")} GROUP BY "speaker" ORDER BY count(*) DESC, "speaker" LIMIT 10) top
UNION ALL SELECT 'total', NULL, count(*) FROM m WHERE 1 = 1 ${others()}`;
}
