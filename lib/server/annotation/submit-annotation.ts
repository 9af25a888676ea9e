import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import { nextAnnotationStatus, nextArticleStatus } from "../../domain/workflow";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZSubmit } from "../../schemas/review";
import { annotationForChange, staleVersion } from "./annotation-access";
import { annotationInclude, toAnnotationView, type AnnotationView } from "../../views/article-view";
import { AppError } from "../shared/errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { refusedTransition } from "../shared/workflow-errors";

/** The client inside a transaction. */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Sends an annotation to review. Whoever may edit it may submit it. The first
 * submission also moves the article from DRAFT (or REOPENED) to IN_REVIEW.
 */
export const submitAnnotation = onDbThread(
  "submitAnnotation",
  async function submitAnnotation(
    db: Db,
    { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown },
  ): Promise<AnnotationView> {
    const { version } = ZSubmit.parse(input ?? {});
    return db.$transaction((tx) => submitInTransaction(tx, actor, annotationId, version));
  },
);

/**
 * The submission rules, inside the caller's transaction: the single submit
 * above and the batch (submit-drafts.ts) both run exactly this.
 */
export async function submitInTransaction(
  tx: Tx,
  actor: Actor,
  annotationId: string,
  version: number | undefined,
): Promise<AnnotationView> {
  // Touching the article first takes its row before the annotation's (the lock order every change keeps).
  const current = await annotationForChange(tx, actor, annotationId, "update", version, { touchArticleAt: new Date() });
  // Edited while orphaned (it went to DRAFT) but still not in the text: there is nothing for a reviewer to read it against.
  if (current.anchorStatus === "ORPHANED")
    throw new AppError("CONFLICT", "This annotation is not placed in the current revision: place it, then submit it.");
  const to = nextAnnotationStatus(current.status, "submit");
  if (!to) throw refusedTransition("an annotation", current.status, "submit");
  const written = await tx.annotation.updateMany({
    where: { id: annotationId, status: current.status, version: current.version },
    data: { status: to, version: { increment: 1 } },
  });
  if (written.count === 0)
    throw staleVersion(
      await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }),
    );
  await recordAuditEvent(tx, {
    articleId: current.articleId,
    annotationId,
    actorId: actor.id,
    action: AUDIT.annotation.submitted,
    payload: { from: current.status, to, version: current.version + 1 },
  });

  const article = await tx.article.findUniqueOrThrow({ where: { id: current.articleId } });
  const articleTo = nextArticleStatus(article.status, "submission");
  if (articleTo && articleTo !== article.status) {
    await tx.article.update({ where: { id: article.id }, data: { status: articleTo, version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      articleId: article.id,
      actorId: actor.id,
      action: AUDIT.article.status,
      payload: { from: article.status, to: articleTo },
    });
  } else {
    await tx.article.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
  }
  return toAnnotationView(
    await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }),
  );
}
