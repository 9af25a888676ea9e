import { join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import type { AnnotationKind } from "../../domain/annotation";
import { figureTerm, matchClaims } from "../../domain/claim-match";
import { normaliseClaim, normaliseSentences, type NormalisedClaim } from "../../domain/claim-text";
import { oneLine } from "../../domain/one-line";
import { providerOf, type Db } from "../../db/client";
import { ZSimilarClaimsQuery } from "../../schemas/claims";
import type { SimilarClaim } from "../../views/similar-claim";
import { requirePermission } from "../shared/require-permission";
import { ftsMatch, safeWords, tsQuery } from "./full-text-candidates";
import { termSimilarity, termVectors } from "./word-vectors";

/** How many rated candidates are re-ranked: enough for recall, few enough to stay well under 100 ms. */
export const CANDIDATES = 100;
/** How many full-text matches are read before the rated claims and denials among them are kept. */
const MATCHES = 2 * CANDIDATES;
/**
 * How many of the claim's words the full-text query takes: its rarest. bm25 and ts_rank_cd score every
 * quote holding any word of an OR query, so the common ones ("government", "said", "year") made it
 * score most of a 100,000-quote library (SQLite 56 ms at the median, PostgreSQL seconds under load); the rarest words find the same
 * claims, and the re-ranking still weighs every word (decision 030). A long post's rarest words are often its
 * chatter ("nights", "door"), not the claim's: six gave hard dev recall@5 0.90, eight 0.94; twelve (session 28)
 * lifted the blind fresh set's dev split from 0.974 to 0.990 and left the hard and long sets' dev splits as they
 * were; sixteen added nothing more.
 */
export const RAREST_WORDS = 12;

type CandidateRow = {
  id: string;
  kind: AnnotationKind;
  number: number;
  articleId: string;
  articleTitle: string;
  quote: string;
  speaker: string | null;
  verdict: string;
  status: string;
  rationale: string | null;
  createdAt: string | Date;
  rank: number;
};

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
  const sentences = normaliseSentences(text);
  const rows = await ratedCandidates(db, query.queryWords, excludeArticleId ?? "");
  if (rows.length === 0) return { items: [] };
  const best = Math.max(...rows.map((row) => Number(row.rank)));
  const normalised = rows.map((row) => ({ row, claim: normalisedText(row.quote) }));
  const weight = termWeights(normalised.map((n) => [...n.claim.terms, ...n.claim.figures.map(figureTerm)]));
  const vectors = termVectors();
  const similarity = vectors ? termSimilarity(vectors) : undefined;
  const items = normalised
    .map(({ row, claim }) => ({
      row,
      match: matchClaims(query, claim, {
        weight,
        sentences,
        relevance: best > 0 ? Number(row.rank) / best : 0,
        speaker: row.speaker ? normalisedText(row.speaker).terms : [],
        similarity,
      }),
    }))
    .filter(({ match }) => match.relation !== "unrelated")
    .sort((a, b) => relationOrder(a.match.relation) - relationOrder(b.match.relation) || b.match.score - a.match.score)
    .slice(0, limit);
  return {
    items: items.map(({ row, match }) => ({
      annotationId: row.id,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      label: annotationLabel(row.kind, Number(row.number)),
      quote: row.quote,
      speaker: row.speaker,
      verdict: row.verdict,
      status: row.status,
      score: Math.round(match.score * 1000) / 1000,
      relation: match.relation as SimilarClaim["relation"],
      rationaleExcerpt: row.rationale ? oneLine(row.rationale, 240) : null,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
  };
}

/**
 * Earlier claims' quotes come back query after query: normalising 100 of them
 * was most of a query's time at 100,000 annotations. The normaliser is pure,
 * so its answers are kept for the most recently used quotes.
 */
const NORMALISED_KEPT = 5_000;
const normalisedTexts = new Map<string, NormalisedClaim>();
function normalisedText(quote: string): NormalisedClaim {
  let claim = normalisedTexts.get(quote);
  if (claim) normalisedTexts.delete(quote);
  else {
    claim = normaliseClaim(quote);
    if (normalisedTexts.size >= NORMALISED_KEPT) normalisedTexts.delete(normalisedTexts.keys().next().value!);
  }
  normalisedTexts.set(quote, claim);
  return claim;
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
 * The best full-text matches on the quote that are rated claims or denials
 * outside `excludeArticleId`, with what the answer shows, in one statement
 * (one round trip: a second read by id cost more than the match itself at
 * 100,000 annotations). `rank`: higher is better. Each word is quoted for
 * FTS5 / a plain lexeme for to_tsquery, and the query is a parameter.
 */
async function ratedCandidates(db: Db, words: string[], excludeArticleId: string): Promise<CandidateRow[]> {
  const safe = safeWords(words);
  if (safe.length === 0) return [];
  const held = await rarestWords(db, safe, RAREST_WORDS, providerOf(db) === "postgresql");
  if (held.length === 0) return [];
  const rarest = held.map((entry) => entry.word);
  if (providerOf(db) === "postgresql") {
    // ts_rank_cd weighs every word alike, bm25 by its rarity: with only the rarest words sent, a quote holding one
    // of their commonest ("last", "people") ranked with one holding the rarest, and the claim fell out of the
    // matches (hard set, dev: recall@5 0.960 with every word, 0.952 with the rarest alike). So the rank is the
    // words' rarity, as bm25's, summed over the words a quote holds; ts_rank_cd (their closeness) breaks ties
    // (0.960, MAP@5 0.940). The rarity needs every word counted, a short post's too: the counts are held a while.
    const perWord = held.map(({ word, quotes }, index) => ({
      from: sql`to_tsquery('english', ${tsQuery([word])}) ${raw(`w${index}`)}`,
      weight: sql`CASE WHEN "document" @@ ${raw(`w${index}`)} THEN ${rarity(quotes ?? COMMON_FROM)}::float8 ELSE 0 END`,
    }));
    // The rank is computed for every quote the match finds, and with common words that was most of the library
    // (decision 030: 55,000 of 100,000 quotes, 0.4 s a query, seconds under ten users): the match asks only for
    // the rarest words whose quotes add up to RANKED_AT_MOST, and reads at most that many; the rank still weighs
    // every word sent.
    return db.$queryRaw<CandidateRow[]>`
      WITH hits AS MATERIALIZED (
        SELECT "annotationId", "document"
        FROM "AnnotationFts"
        WHERE "document" @@ to_tsquery('english', ${tsQuery(matchedWords(held))})
        LIMIT ${RANKED_AT_MOST}),
      matches AS (
        SELECT "annotationId", ${join(
          perWord.map((w) => w.weight),
          " + ",
        )} AS "rank", ts_rank_cd('{0, 0, 0, 1}', "document", q)::float8 AS "closeness"
        FROM hits, to_tsquery('english', ${tsQuery(rarest)}) q, ${join(
          perWord.map((w) => w.from),
          ", ",
        )}
        ORDER BY "rank" DESC, "closeness" DESC
        LIMIT ${MATCHES})
      SELECT a."id", a."kind"::text AS "kind", a."number", a."articleId", ar."title" AS "articleTitle", a."quote",
        a."speaker", a."verdict"::text AS "verdict", a."status"::text AS "status", a."rationale", a."createdAt",
        m."rank"
      FROM matches m
      JOIN "Annotation" a ON a."id" = m."annotationId"
      JOIN "Article" ar ON ar."id" = a."articleId"
      WHERE a."kind" IN ('CLAIM', 'DENIAL') AND a."verdict" IS NOT NULL AND a."articleId" <> ${excludeArticleId}
      ORDER BY m."rank" DESC, m."closeness" DESC
      LIMIT ${CANDIDATES}`;
  }
  // By rowid through AnnotationFtsKey (the index's own key table, decision 029): reading the UNINDEXED id of
  // every match before the sort doubled the time of a query matching 20,000 rows. CROSS JOIN keeps the
  // matches the outer loop: left to itself, SQLite 3.53 scanned every claim by kind and probed the matches.
  return db.$queryRaw<CandidateRow[]>`
    WITH matches AS (
      SELECT "rowid" AS "key", -bm25("AnnotationFts") AS "rank"
      FROM "AnnotationFts"
      WHERE "AnnotationFts" MATCH ${ftsMatch(rarest)}
      ORDER BY bm25("AnnotationFts")
      LIMIT ${MATCHES})
    SELECT a."id", a."kind", a."number", a."articleId", ar."title" AS "articleTitle", a."quote", a."speaker",
      a."verdict", a."status", a."rationale", a."createdAt", m."rank"
    FROM matches m
    CROSS JOIN "AnnotationFtsKey" k
    CROSS JOIN "Annotation" a
    CROSS JOIN "Article" ar
    WHERE k."id" = m."key" AND a."id" = k."annotationId" AND ar."id" = a."articleId"
      AND a."kind" IN ('CLAIM', 'DENIAL') AND a."verdict" IS NOT NULL AND a."articleId" <> ${excludeArticleId}
    ORDER BY m."rank" DESC
    LIMIT ${CANDIDATES}`;
}

/**
 * How many quotes hold a word, as the index matches it (stemmed, accents folded), kept for a while:
 * which words are common changes slowly, and counting a common one costs as much as matching it.
 * Per server process; a stale count only changes which words are sent, never what is answered.
 */
const HELD_FOR_MS = 10 * 60_000;
const HELD_KEPT = 20_000;
const heldCounts = new Map<string, { quotes: number; at: number }>();

/**
 * Counting stops here: past it a word is common, and which common word is commoner does not matter. On
 * PostgreSQL the count rechecks every match's tsvector for the quote's weight, so an uncapped count of a
 * word in 20,000 quotes cost more than the whole query it was meant to shrink.
 */
export const COMMON_FROM = 2_000;

/**
 * How many quotes hold each word, capped at COMMON_FROM: the held counts, and the rest in one statement (a
 * round trip a word, one after the other, cost a long post's 30 new words 30 round trips).
 */
async function quotesHolding(db: Db, words: string[]): Promise<Map<string, number>> {
  const provider = providerOf(db);
  const now = Date.now();
  const counts = new Map<string, number>();
  const missing: string[] = [];
  for (const word of words) {
    const kept = heldCounts.get(`${provider}:${word}`);
    if (kept && now - kept.at < HELD_FOR_MS) counts.set(word, kept.quotes);
    else missing.push(word);
  }
  if (missing.length === 0) return counts;
  const each = missing.map((word, index) =>
    provider === "postgresql"
      ? sql`SELECT ${index}::int AS "i", count(*) AS "n" FROM (
          SELECT 1 FROM "AnnotationFts" WHERE "document" @@ to_tsquery('english', ${tsQuery([word])})
          LIMIT ${COMMON_FROM}) held`
      : sql`SELECT ${index} AS "i", count(*) AS "n" FROM (
          SELECT 1 FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${ftsMatch([word])}
          LIMIT ${COMMON_FROM}) held`,
  );
  const rows = await db.$queryRaw<{ i: number | bigint; n: number | bigint }[]>`${join(each, " UNION ALL ")}`;
  if (heldCounts.size + missing.length > HELD_KEPT) heldCounts.clear();
  for (const { i, n } of rows) {
    const word = missing[Number(i)];
    counts.set(word, Number(n));
    heldCounts.set(`${provider}:${word}`, { quotes: Number(n), at: now });
  }
  return counts;
}

/**
 * On PostgreSQL, how many quotes one "checked before" query may rank at most. Ranking costs about 10 µs a quote
 * (ts_rank_cd and a test per word): on the search bench's library (every word in 2,000 quotes or more), one query
 * alone took p50 82 / p95 116 ms with 6,000 and 32 / 60 with 1,500. A claim's rarest word is in far fewer quotes of
 * a real library, so the budget binds only when every word is common.
 */
export const RANKED_AT_MOST = 1_500;

/**
 * The words the match asks for: the rarest first, while the quotes holding them (as counted, capped) add up to
 * RANKED_AT_MOST; always the rarest one. `held` is rarest first. Pure.
 */
export function matchedWords(held: readonly { word: string; quotes: number | null }[]): string[] {
  const chosen: string[] = [];
  let quotes = 0;
  for (const entry of held) {
    const holding = entry.quotes ?? COMMON_FROM;
    if (chosen.length > 0 && quotes + holding > RANKED_AT_MOST) break;
    chosen.push(entry.word);
    quotes += holding;
  }
  return chosen;
}

/**
 * A word's rarity as bm25 weighs it (inverse document frequency), with the count's cap standing for the library's
 * size: a word at the cap is common, and past it which common word is commoner does not matter (COMMON_FROM).
 */
export function rarity(quotes: number): number {
  return Math.log(1 + COMMON_FROM / (quotes + 0.5));
}

/**
 * The `count` words held by the fewest quotes, with how many hold each; a word no quote holds finds nothing and is
 * left out. With `counted` false and no more words than `count`, all are taken uncounted (`quotes` null).
 */
async function rarestWords(
  db: Db,
  words: string[],
  count: number,
  counted: boolean,
): Promise<{ word: string; quotes: number | null }[]> {
  if (words.length <= count && !counted) return words.map((word) => ({ word, quotes: null }));
  const distinct = [...new Set(words)];
  const counts = await quotesHolding(db, distinct);
  // In the post's order, whichever were held: ties keep it.
  return distinct
    .map((word) => ({ word, quotes: counts.get(word) ?? 0 }))
    .filter((entry) => entry.quotes > 0)
    .sort((a, b) => a.quotes - b.quotes)
    .slice(0, count);
}
