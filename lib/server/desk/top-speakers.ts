import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { TopSpeakers } from "../../views/desk";
import { requirePermission } from "../shared/require-permission";
import { speakerTallies } from "../speaker/speaker-counts";

/**
 * The speakers with the most claims and denials checked. The GROUP BY ranks by
 * annotations of any kind (an index-only read, see annotationCounts), twice as
 * many as shown; their claims and denials are then counted exactly and ranked.
 */
export async function topSpeakers(db: Db, { actor, take = 5 }: { actor: Actor; take?: number }): Promise<TopSpeakers> {
  requirePermission(actor, "read:article");
  const rows = await db.annotation.groupBy({
    by: ["speakerId"],
    where: { speakerId: { not: null } },
    _count: { _all: true },
    orderBy: [{ _count: { speakerId: "desc" } }, { speakerId: "asc" }],
    take: take * 2,
  });
  const ids = rows.map((row) => row.speakerId!);
  const tallies = await speakerTallies(db, ids);
  const names = new Map(
    (
      await db.speaker.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true },
      })
    ).map((speaker) => [speaker.id, speaker.name]),
  );
  return ids
    .map((id) => ({
      id,
      name: names.get(id) ?? "",
      checked: (tallies.get(id)?.claims ?? 0) + (tallies.get(id)?.denials ?? 0),
    }))
    .filter((speaker) => speaker.checked > 0)
    .sort((a, b) => b.checked - a.checked || a.id.localeCompare(b.id))
    .slice(0, take);
}
