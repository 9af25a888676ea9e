import type { Db } from "../../db/client";
import type { Verdict } from "../../domain/annotation";
import type { VerdictCounts } from "../../views/speakers";

/** What a speaker's tallies count: claims and denials (analysis is the desk's own words). */
export const STATEMENT_KINDS = ["CLAIM", "DENIAL"] as const;

type Tally = { claims: number; denials: number; verdicts: VerdictCounts; lastCheckedAt: string | null };

/**
 * Claims, denials, verdicts and the last change per speaker, in two GROUP BY
 * queries however many annotations there are (`ids` undefined: every speaker).
 */
export async function speakerTallies(db: Pick<Db, "annotation">, ids?: string[]): Promise<Map<string, Tally>> {
  const where = {
    kind: { in: [...STATEMENT_KINDS] },
    speakerId: ids ? { in: ids } : { not: null },
  };
  const [kinds, verdicts] = await Promise.all([
    db.annotation.groupBy({ by: ["speakerId", "kind"], where, _count: { _all: true }, _max: { updatedAt: true } }),
    db.annotation.groupBy({ by: ["speakerId", "verdict"], where, _count: { _all: true } }),
  ]);
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    let found = tallies.get(id);
    if (!found) tallies.set(id, (found = { claims: 0, denials: 0, verdicts: {}, lastCheckedAt: null }));
    return found;
  };
  for (const row of kinds) {
    const entry = tally(row.speakerId!);
    entry[row.kind === "CLAIM" ? "claims" : "denials"] += row._count._all;
    const last = row._max.updatedAt?.toISOString() ?? null;
    if (last && (!entry.lastCheckedAt || last > entry.lastCheckedAt)) entry.lastCheckedAt = last;
  }
  for (const row of verdicts) addVerdict(tally(row.speakerId!).verdicts, row.verdict, row._count._all);
  return tallies;
}

export function addVerdict(counts: VerdictCounts, verdict: Verdict | null, count: number): void {
  const key = verdict ?? "unrated";
  counts[key] = (counts[key] ?? 0) + count;
}
