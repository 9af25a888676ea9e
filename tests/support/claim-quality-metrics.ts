import type { QualityQuery } from "./claim-quality-set";

/** What a matcher answered for one query: claim ids with their relation, best first. */
export type Ranked = { claimId: string; relation: "same" | "different-figure" | "unrelated" }[];
export type QualityFigures = {
  posts: number;
  recallAt5: number;
  /** The claim among the first five items of any relation: what a client reading the list without `relation` sees. */
  listedAt5: number;
  mapAt5: number;
  nearMisses: number;
  nearMissPrecision: number;
};

/**
 * recall@5: the post's claim is among the first five "same" items; MAP@5 with
 * one relevant claim per post: the mean of 1/rank (0 beyond five); near-miss
 * precision: the share of near-misses whose claim is NOT answered as "same".
 */
export function qualityFigures(
  posts: { query: QualityQuery; ranked: Ranked }[],
  nearMisses: { query: QualityQuery; ranked: Ranked }[],
): QualityFigures {
  let found = 0;
  let listed = 0;
  let precisionSum = 0;
  for (const { query, ranked } of posts) {
    if (ranked.slice(0, 5).some((item) => item.claimId === query.claimId)) listed++;
    const same = ranked.filter((item) => item.relation === "same").slice(0, 5);
    const rank = same.findIndex((item) => item.claimId === query.claimId);
    if (rank >= 0) {
      found++;
      precisionSum += 1 / (rank + 1);
    }
  }
  const kept = nearMisses.filter(
    ({ query, ranked }) => !ranked.some((item) => item.claimId === query.claimId && item.relation === "same"),
  ).length;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    posts: posts.length,
    recallAt5: round(found / Math.max(1, posts.length)),
    listedAt5: round(listed / Math.max(1, posts.length)),
    mapAt5: round(precisionSum / Math.max(1, posts.length)),
    nearMisses: nearMisses.length,
    nearMissPrecision: round(kept / Math.max(1, nearMisses.length)),
  };
}
