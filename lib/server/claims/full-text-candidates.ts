import { providerOf, type Db } from "../../db/client";

/** How many candidates the baseline reads unless told. */
const TAKE = 150;

export type Candidate = { annotationId: string; rank: number };

/** Query words as the index's query languages take them: letters and digits only, at most 64 of 1–64 characters. */
export function safeWords(words: string[]): string[] {
  return words.filter((word) => /^[\p{L}\p{N}]{1,64}$/u.test(word)).slice(0, 64);
}
export const ftsMatch = (words: string[]) => `quote : (${words.map((word) => `"${word}"`).join(" OR ")})`;
export const tsQuery = (words: string[]) => words.map((word) => `${word.toLowerCase()}:A`).join(" | ");

/**
 * Candidates from the full-text index alone, best first (the quality test's
 * baseline: the index's own rank, nothing else).
 */
export async function fullTextCandidates(db: Db, words: string[], take = TAKE): Promise<Candidate[]> {
  const safe = safeWords(words);
  if (safe.length === 0) return [];
  if (providerOf(db) === "postgresql")
    return db.$queryRaw<Candidate[]>`
      SELECT "annotationId", ts_rank_cd('{0, 0, 0, 1}', "document", q)::float8 AS "rank"
      FROM "AnnotationFts", to_tsquery('english', ${tsQuery(safe)}) q
      WHERE "document" @@ q
      ORDER BY "rank" DESC
      LIMIT ${take}`;
  return db.$queryRaw<Candidate[]>`
    SELECT "annotationId", -bm25("AnnotationFts") AS "rank"
    FROM "AnnotationFts"
    WHERE "AnnotationFts" MATCH ${ftsMatch(safe)}
    ORDER BY bm25("AnnotationFts")
    LIMIT ${take}`;
}
