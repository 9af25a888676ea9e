import type { z } from "zod";
import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import { nextAnnotationStatus, reviewBar } from "../../domain/workflow";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZReview } from "../../schemas/review";
import { staleVersion } from "../annotation/annotation-access";
import { annotationInclude, toAnnotationView, type AnnotationView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { touchEditableArticle } from "../article/load-article";
import { requirePermission } from "../shared/require-permission";
import { refusedTransition } from "../shared/workflow-errors";

/**
 * A reviewer who neither wrote the annotation nor changed its substance since
 * it was last approved (its editors) approves it or sends it back with a note.
 * The write is conditional on the status and version being the ones read, so
 * of two reviewers racing, one wins and the other gets 409, and an edit that
 * commits in between (which records its editor) cannot slip under the
 * approval. Approving clears the editors: the approval now covers their
 * changes.
 */
export const reviewAnnotation = onDbThread(
  "reviewAnnotation",
  async function reviewAnnotation(
    db: Db,
    { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown },
  ): Promise<AnnotationView> {
    requirePermission(actor, "review:annotation:others");
    const decision = ZReview.parse(input);
    return db.$transaction((tx) => reviewInTransaction(tx, actor, annotationId, decision));
  },
);

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type ReviewDecision = z.infer<typeof ZReview>;

/**
 * The review rules, inside the caller's transaction (the caller has checked
 * the reviewer's permission): the single review above and the batch
 * (review-batch.ts) both run exactly this.
 */
export async function reviewInTransaction(
  tx: Tx,
  actor: Actor,
  annotationId: string,
  { decision, note, version }: ReviewDecision,
): Promise<AnnotationView> {
  const action = decision === "APPROVE" ? "approve" : "request_changes";
  const current = await tx.annotation.findUnique({
    where: { id: annotationId },
    include: annotationInclude,
  });
  if (!current) throw new AppError("NOT_FOUND", "No such annotation.");
  // The article's row first, as every change does (annotationForChange, addRevision): one lock order, so on
  // PostgreSQL a review and a revision of the article wait for each other instead of deadlocking.
  await touchEditableArticle(tx, current.articleId);
  const bar = reviewBar(actor.id, {
    authorId: current.createdById,
    editorIds: current.editors.map((editor) => editor.userId),
  });
  if (bar) throw new AppError("FORBIDDEN", BAR_MESSAGES[bar]);
  if (version !== undefined && version !== current.version) throw staleVersion(current);
  const to = nextAnnotationStatus(current.status, action);
  if (!to) throw refusedTransition("an annotation", current.status, action);
  const written = await tx.annotation.updateMany({
    where: { id: annotationId, status: current.status, version: current.version },
    data: {
      status: to,
      version: { increment: 1 },
      // The approval covers the words it now stands on: the changed-words cue of a revision ends here.
      ...(to === "APPROVED" && current.anchorStatus === "CHANGED"
        ? { anchorStatus: "ANCHORED" as const, anchorScore: 1, previousQuote: null }
        : {}),
    },
  });
  if (written.count === 0)
    throw staleVersion(
      await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }),
    );
  if (to === "APPROVED") await tx.annotationEditor.deleteMany({ where: { annotationId } });
  await tx.signOff.create({
    data: {
      annotationId,
      reviewerId: actor.id,
      decision: to === "APPROVED" ? "APPROVED" : "CHANGES_REQUESTED",
      note: note || null,
    },
  });
  await recordAuditEvent(tx, {
    articleId: current.articleId,
    annotationId,
    actorId: actor.id,
    action: to === "APPROVED" ? AUDIT.annotation.approved : AUDIT.annotation.changesRequested,
    payload: { from: current.status, to, note: note || null, version: current.version + 1 },
  });
  return toAnnotationView(
    await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }),
  );
}

const BAR_MESSAGES = {
  author: "You wrote this annotation: someone else must review it (four-eyes rule).",
  editor:
    "You changed this annotation's substance (its kind, span, verdict, rationale, sources or denied claim): someone else must review it (four-eyes rule).",
} as const;
