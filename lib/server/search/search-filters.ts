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

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

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

/**
 * The facet query's rows: `combo`, the matches counted per kind, verdict and status (and, when a
 * speaker is chosen, whether they are that speaker's: "yes"/"no" in `speaker`); `speaker`, the ten
 * speakers with most matches under the other filters.
 */
export type FacetRow = {
  facet: "combo" | "speaker";
  kind: string | null;
  verdict: string | null;
  status: string | null;
  speaker: string | null;
  n: number | bigint;
};

/**
 * One statement for every facet's counts: the matches (`matches`, a SELECT of the MATCH_COLUMNS,
 * date bounds applied) are found once, then grouped twice: by kind × verdict × status (a few dozen
 * groups, from which facetCounts sums each facet under the other filters) and by speaker.
 */
export function facetSql(matches: Sql, filters: SearchFilters): Sql {
  const { speaker, kind, verdict, status } = filters;
  const chosen = speaker === undefined ? sql`NULL` : sql`CASE WHEN "speaker" = ${speaker} THEN 'yes' ELSE 'no' END`;
  const others = filterSql({ kind, verdict, status }, MATCH_COLUMNS);
  return sql`WITH m AS MATERIALIZED (${matches})
SELECT 'combo' AS "facet", "kind", "verdict", "status", ${chosen} AS "speaker", count(*) AS "n" FROM m GROUP BY 1, 2, 3, 4, 5
UNION ALL SELECT * FROM (SELECT 'speaker', NULL, NULL, NULL, "speaker", count(*) FROM m WHERE "speaker" IS NOT NULL AND "speaker" <> '' ${others} GROUP BY "speaker" ORDER BY count(*) DESC, "speaker" LIMIT 10) top`;
}
