import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { annotationForChange } from "./annotation-access";
import { recordAuditEvent } from "./audit";

/** Deletes an annotation and its sources; with `version`, only if nobody changed it since. */
export async function deleteAnnotation(db: Db, { actor, annotationId, version }: { actor: Actor; annotationId: string; version?: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await annotationForChange(tx, actor, annotationId, "delete", version);
    await tx.annotation.delete({ where: { id: annotationId } });
    await tx.article.update({ where: { id: current.articleId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, { articleId: current.articleId, annotationId, actorId: actor.id, action: "annotation.deleted", payload: { kind: current.kind, quote: current.quote, version: current.version } });
  });
}
