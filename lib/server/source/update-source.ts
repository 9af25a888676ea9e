import { AUDIT } from "../../domain/audit-actions";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { fieldChanges } from "../../domain/audit-changes";
import { ZUpdateSource } from "../../schemas/annotations";
import { changeSources, renumber, sourceOf, type Tx } from "./change-sources";

export async function updateSource(
  db: Db,
  { actor, sourceId, input }: { actor: Actor; sourceId: string; input: unknown },
) {
  const { position, version, ...fields } = ZUpdateSource.parse(input);
  const source = await sourceOf(db, sourceId);
  return changeSources(db, actor, source.annotationId, AUDIT.source.updated, version, async (tx) => {
    await tx.source.update({ where: { id: sourceId }, data: fields });
    if (position !== undefined) await moveSource(tx, source.annotationId, sourceId, position);
    // Before → after of what actually changed (shortened), for the audit log.
    const changes = fieldChanges({ ...fields, position }, source);
    return { sourceId, url: source.url, fields: Object.keys(changes), changes };
  });
}

async function moveSource(tx: Tx, annotationId: string, sourceId: string, position: number) {
  const ids = (await tx.source.findMany({ where: { annotationId }, orderBy: { position: "asc" } }))
    .map((row) => row.id)
    .filter((id) => id !== sourceId);
  ids.splice(Math.min(position, ids.length), 0, sourceId);
  await renumber(tx, annotationId, ids);
}
