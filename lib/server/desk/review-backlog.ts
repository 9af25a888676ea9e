import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { ReviewBacklog } from "../../views/desk";
import { requirePermission } from "../shared/require-permission";

const DAY = 86_400_000;
/** Age bands of the backlog, by how long since submission: [label, from days, to days]. */
const BANDS: [string, string, number, number][] = [
  ["day", "Under a day", 0, 1],
  ["days", "1–3 days", 1, 3],
  ["week", "3–7 days", 3, 7],
  ["older", "Over a week", 7, Infinity],
];

/**
 * The desk's review backlog: annotations submitted and waiting for a review,
 * by how long they have waited, and since when the oldest waits. A count per
 * band and one aggregate: the queries do not grow with the backlog.
 */
export async function reviewBacklog(
  db: Db,
  { actor, now = new Date() }: { actor: Actor; now?: Date },
): Promise<ReviewBacklog> {
  requirePermission(actor, "read:article");
  const waiting = { status: "SUBMITTED" } as const;
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const [oldest, ...counts] = await Promise.all([
    db.annotation.aggregate({ where: waiting, _min: { updatedAt: true }, _count: { _all: true } }),
    ...BANDS.map(([, , from, to]) =>
      db.annotation.count({
        where: { ...waiting, updatedAt: { lte: at(from), ...(to === Infinity ? {} : { gt: at(to) }) } },
      }),
    ),
  ]);
  return {
    waiting: oldest._count._all,
    oldestSince: oldest._min.updatedAt?.toISOString() ?? null,
    byAge: BANDS.map(([key, label], i) => ({ key, label, count: counts[i] })),
  };
}
