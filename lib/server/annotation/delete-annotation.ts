import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { annotationForChange } from "./annotation-access";
import { editorsInclude } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordSubstanceChange } from "./record-substance-change";

/** Deletes an annotation and its sources; with `version`, only if nobody changed it since. */
export const deleteAnnotation = onDbThread(
  "deleteAnnotation",
  async function deleteAnnotation(
    db: Db,
    { actor, annotationId, version }: { actor: Actor; annotationId: string; version?: number },
  ): Promise<void> {
    await db.$transaction(async (tx) => {
      const current = await annotationForChange(tx, actor, annotationId, "delete", version, {
        touchArticleAt: new Date(),
      });
      // Denials of a deleted claim lose their link: a visible, versioned change of their substance, not a silent one.
      const denials = await tx.annotation.findMany({ where: { deniesId: annotationId }, select: { id: true } });
      for (const { id } of denials) {
        const denial = await tx.annotation.update({
          where: { id },
          data: { deniesId: null, version: { increment: 1 } },
          select: { id: true, status: true, version: true, editors: editorsInclude },
        });
        const { statusChange } = await recordSubstanceChange(tx, actor.id, denial);
        await recordAuditEvent(tx, {
          articleId: current.articleId,
          annotationId: id,
          actorId: actor.id,
          action: AUDIT.annotation.updated,
          payload: {
            fields: ["deniesId"],
            reason: "the denied claim was deleted",
            version: denial.version,
            ...statusChange,
          },
        });
      }
      await tx.annotation.delete({ where: { id: annotationId } });
      await recordAuditEvent(tx, {
        articleId: current.articleId,
        annotationId,
        actorId: actor.id,
        action: AUDIT.annotation.deleted,
        payload: { kind: current.kind, number: current.number, quote: current.quote, version: current.version },
      });
    });
  },
);
