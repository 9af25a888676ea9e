import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { weekStarts } from "../../domain/desk-weeks";
import type { VerdictWeeks } from "../../views/desk";
import { requirePermission } from "../shared/require-permission";
import { addVerdict, STATEMENT_KINDS } from "../speaker/speaker-counts";

export const DESK_WEEKS = 12;

/**
 * Claims and denials tagged in each of the last twelve weeks, by verdict: one
 * GROUP BY per week (twelve in all, whatever the number of annotations), each
 * on the (kind, createdAt) index, and no date arithmetic in SQL to differ
 * between SQLite and PostgreSQL.
 */
export async function verdictWeeks(
  db: Db,
  { actor, now = new Date() }: { actor: Actor; now?: Date },
): Promise<VerdictWeeks> {
  requirePermission(actor, "read:article");
  const starts = weekStarts(now, DESK_WEEKS);
  const weeks = await Promise.all(
    starts.map((start) =>
      db.annotation.groupBy({
        by: ["verdict"],
        where: {
          kind: { in: [...STATEMENT_KINDS] },
          createdAt: { gte: start, lt: new Date(start.getTime() + 7 * 86_400_000) },
        },
        _count: { _all: true },
      }),
    ),
  );
  return starts.map((start, i) => {
    const verdicts = {};
    for (const row of weeks[i]) addVerdict(verdicts, row.verdict, row._count._all);
    return { week: start.toISOString().slice(0, 10), verdicts };
  });
}
