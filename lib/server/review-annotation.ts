import type { Actor } from "../domain/actor";
import { mayReview, nextAnnotationStatus } from "../domain/workflow";
import type { Db } from "../db/client";
import { onDbThread } from "../db-thread/on-db-thread";
import { ZReview } from "../schemas/review";
import { staleVersion } from "./annotation-access";
import { annotationInclude, toAnnotationView, type AnnotationView } from "./article-view";
import { recordAuditEvent } from "./audit";
import { AppError } from "./errors";
import { assertEditable } from "./load-article";
import { requirePermission } from "./require-permission";
import { refusedTransition } from "./workflow-errors";

/**
 * A reviewer who did not write the annotation approves it or sends it back
 * with a note. The write is conditional on the status still being SUBMITTED,
 * so of two reviewers racing, one wins and the other gets 409.
 */
export const reviewAnnotation = onDbThread("reviewAnnotation", async function reviewAnnotation(db: Db, { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown }): Promise<AnnotationView> {
  requirePermission(actor, "review:annotation:others");
  const { decision, note, version } = ZReview.parse(input);
  const action = decision === "APPROVE" ? "approve" : "request_changes";
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id: annotationId }, include: { ...annotationInclude, article: { select: { status: true } } } });
    if (!current) throw new AppError("NOT_FOUND", "No such annotation.");
    assertEditable(current.article);
    if (!mayReview(actor.id, current.createdById)) throw new AppError("FORBIDDEN", "You wrote this annotation: someone else must review it (four-eyes rule).");
    if (version !== undefined && version !== current.version) throw staleVersion(current);
    const to = nextAnnotationStatus(current.status, action);
    if (!to) throw refusedTransition("an annotation", current.status, action);
    const written = await tx.annotation.updateMany({ where: { id: annotationId, status: current.status, version: current.version }, data: { status: to, version: { increment: 1 } } });
    if (written.count === 0) throw staleVersion(await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }));
    await tx.signOff.create({ data: { annotationId, reviewerId: actor.id, decision: to === "APPROVED" ? "APPROVED" : "CHANGES_REQUESTED", note: note || null } });
    await tx.article.update({ where: { id: current.articleId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, { articleId: current.articleId, annotationId, actorId: actor.id, action: to === "APPROVED" ? "annotation.approved" : "annotation.changes_requested", payload: { from: current.status, to, note: note || null, version: current.version + 1 } });
    return toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }));
  });
});
