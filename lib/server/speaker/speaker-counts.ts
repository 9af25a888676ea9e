import type { Db } from "../../db/client";
import type { Verdict } from "../../domain/annotation";
import type { VerdictCounts } from "../../views/speakers";

/** What a speaker's tallies count: claims and denials (analysis is the desk's own words). */
export const STATEMENT_KINDS = ["CLAIM", "DENIAL"] as const;

type Tally = { claims: number; denials: number; verdicts: VerdictCounts; lastCheckedAt: string | null };

/**
 * How many annotations name each speaker: the order of "most checked". It
 * counts every kind on purpose: a filter on `kind` makes the database read
 * every row (measured at 100,000 annotations on SQLite: 15–25 ms without it,
 * 250–450 ms with), while this reads the (speakerId, createdAt) index alone.
 * A speaker's analyses are rare; the counts shown come from speakerTallies.
 */
export async function annotationCounts(db: Pick<Db, "annotation">): Promise<Map<string, number>> {
  const rows = await db.annotation.groupBy({
    by: ["speakerId"],
    where: { speakerId: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.speakerId!, row._count._all]));
}

/**
 * Claims, denials, verdicts and the last change of these speakers (a page of
 * them), in one GROUP BY however many annotations there are. The kind is
 * grouped, not filtered: with `kind IN (…)` in the WHERE, SQLite walks the
 * (kind, createdAt) index over every claim instead of these speakers' rows.
 */
export async function speakerTallies(db: Pick<Db, "annotation">, ids: string[]): Promise<Map<string, Tally>> {
  const rows = await db.annotation.groupBy({
    by: ["speakerId", "kind", "verdict"],
    where: { speakerId: { in: ids } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    if (!(STATEMENT_KINDS as readonly string[]).includes(row.kind)) continue;
    let entry = tallies.get(row.speakerId!);
    if (!entry) tallies.set(row.speakerId!, (entry = { claims: 0, denials: 0, verdicts: {}, lastCheckedAt: null }));
    entry[row.kind === "CLAIM" ? "claims" : "denials"] += row._count._all;
    addVerdict(entry.verdicts, row.verdict, row._count._all);
    const last = row._max.updatedAt?.toISOString() ?? null;
    if (last && (!entry.lastCheckedAt || last > entry.lastCheckedAt)) entry.lastCheckedAt = last;
  }
  return tallies;
}

export function addVerdict(counts: VerdictCounts, verdict: Verdict | null, count: number): void {
  const key = verdict ?? "unrated";
  counts[key] = (counts[key] ?? 0) + count;
}
