import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import { matchClaims } from "../../domain/claim-match";
import { normaliseClaim } from "../../domain/claim-text";
import { oneLine } from "../../domain/one-line";
import { providerOf, type Db } from "../../db/client";
import { ZSimilarClaimsQuery } from "../../schemas/claims";
import type { SimilarClaim } from "../../views/similar-claim";
import { requirePermission } from "../shared/require-permission";

/** How many full-text candidates are re-ranked: enough for recall, few enough to stay well under 100 ms. */
export const CANDIDATES = 150;

type Candidate = { annotationId: string; rank: number };

/**
 * "Checked before" (decision 030): earlier rated claims and denials from other
 * articles that make the same assertion. The database's full-text index
 * (AnnotationFts, matched on the quote) finds candidates by any content word
 * or figure; claim-match re-ranks them and sorts out the "different-figure"
 * ones, which come after every "same" one, flagged, never mixed in.
 */
export async function findSimilarClaims(
  db: Db,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ items: SimilarClaim[] }> {
  requirePermission(actor, "read:article");
  const { text, limit, excludeArticleId } = ZSimilarClaimsQuery.parse(input);
  const query = normaliseClaim(text);
  if (query.queryWords.length === 0) return { items: [] };
  const candidates = await fullTextCandidates(db, query.queryWords);
  if (candidates.length === 0) return { items: [] };
  const rows = await db.annotation.findMany({
    where: {
      id: { in: candidates.map((c) => c.annotationId) },
      kind: { in: ["CLAIM", "DENIAL"] },
      verdict: { not: null },
      ...(excludeArticleId ? { articleId: { not: excludeArticleId } } : {}),
    },
    select: {
      id: true,
      kind: true,
      number: true,
      articleId: true,
      quote: true,
      speaker: true,
      verdict: true,
      status: true,
      rationale: true,
      createdAt: true,
      article: { select: { title: true } },
    },
  });
  const best = Math.max(...candidates.map((c) => c.rank));
  const relevance = new Map(candidates.map((c) => [c.annotationId, best > 0 ? c.rank / best : 0]));
  const normalised = rows.map((row) => ({ row, claim: normaliseClaim(row.quote) }));
  const weight = termWeights(normalised.map((n) => n.claim.terms));
  const items = normalised
    .map(({ row, claim }) => ({ row, match: matchClaims(query, claim, { weight, relevance: relevance.get(row.id) }) }))
    .filter(({ match }) => match.relation !== "unrelated")
    .sort((a, b) => relationOrder(a.match.relation) - relationOrder(b.match.relation) || b.match.score - a.match.score)
    .slice(0, limit);
  return {
    items: items.map(({ row, match }) => ({
      annotationId: row.id,
      articleId: row.articleId,
      articleTitle: row.article.title,
      label: annotationLabel(row.kind, row.number),
      quote: row.quote,
      speaker: row.speaker,
      verdict: row.verdict!,
      status: row.status,
      score: Math.round(match.score * 1000) / 1000,
      relation: match.relation as SimilarClaim["relation"],
      rationaleExcerpt: row.rationale ? oneLine(row.rationale, 240) : null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

function relationOrder(relation: string): number {
  return relation === "same" ? 0 : 1;
}

/**
 * Inverse document frequency among the candidates (plus the query as one more
 * document): a word every candidate shares says little about which one it is.
 */
export function termWeights(documents: string[][]): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = documents.length + 1;
  return (term) => Math.log(1 + total / (1 + (frequency.get(term) ?? 0)));
}

/**
 * Candidates from the full-text index, best first, `rank` higher = better.
 * Query words are letters and digits only (normaliseClaim's queryWords), each
 * quoted for FTS5 / a plain lexeme for to_tsquery, and sent as a parameter.
 */
export async function fullTextCandidates(db: Db, words: string[], take = CANDIDATES): Promise<Candidate[]> {
  const safe = words.filter((word) => /^[\p{L}\p{N}]+$/u.test(word)).slice(0, 64);
  if (safe.length === 0) return [];
  if (providerOf(db) === "postgresql") {
    const tsquery = safe.map((word) => `${word.toLowerCase()}:A`).join(" | ");
    return db.$queryRaw<Candidate[]>`
      SELECT "annotationId", ts_rank_cd('{0, 0, 0, 1}', "document", q)::float8 AS "rank"
      FROM "AnnotationFts", to_tsquery('english', ${tsquery}) q
      WHERE "document" @@ q
      ORDER BY "rank" DESC
      LIMIT ${take}`;
  }
  const match = `quote : (${safe.map((word) => `"${word}"`).join(" OR ")})`;
  return db.$queryRaw<Candidate[]>`
    SELECT "annotationId", -bm25("AnnotationFts") AS "rank"
    FROM "AnnotationFts"
    WHERE "AnnotationFts" MATCH ${match}
    ORDER BY bm25("AnnotationFts")
    LIMIT ${take}`;
}
