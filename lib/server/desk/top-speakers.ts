import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { TopSpeakers } from "../../views/desk";
import { requirePermission } from "../shared/require-permission";
import { STATEMENT_KINDS } from "../speaker/speaker-counts";

/** The speakers with the most claims and denials checked (one GROUP BY, then their names). */
export async function topSpeakers(db: Db, { actor, take = 5 }: { actor: Actor; take?: number }): Promise<TopSpeakers> {
  requirePermission(actor, "read:article");
  const rows = await db.annotation.groupBy({
    by: ["speakerId"],
    where: { speakerId: { not: null }, kind: { in: [...STATEMENT_KINDS] } },
    _count: { _all: true },
    orderBy: [{ _count: { speakerId: "desc" } }, { speakerId: "asc" }],
    take,
  });
  const names = new Map(
    (
      await db.speaker.findMany({
        where: { id: { in: rows.map((row) => row.speakerId!) } },
        select: { id: true, name: true },
      })
    ).map((speaker) => [speaker.id, speaker.name]),
  );
  return rows.map((row) => ({ id: row.speakerId!, name: names.get(row.speakerId!) ?? "", checked: row._count._all }));
}
