import { AUDIT } from "../../domain/audit-actions";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { changeSources, renumber, sourceOf } from "./change-sources";

export async function deleteSource(
  db: Db,
  { actor, sourceId, version }: { actor: Actor; sourceId: string; version?: number },
) {
  const source = await sourceOf(db, sourceId);
  return changeSources(db, actor, source.annotationId, AUDIT.source.removed, version, async (tx) => {
    await tx.source.delete({ where: { id: sourceId } });
    await renumber(
      tx,
      source.annotationId,
      (await tx.source.findMany({ where: { annotationId: source.annotationId }, orderBy: { position: "asc" } })).map(
        (row) => row.id,
      ),
    );
    return { sourceId, url: source.url };
  });
}
