import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZCreateComment } from "../../schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { commentExcerpt, commentInclude, toCommentView, type CommentView } from "../../views/comment-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/**
 * Adds a comment to an annotation's discussion.
 *
 * Comments are discussion, not content: they are allowed on a signed-off
 * article (there is no assertEditable here), since questions and corrections
 * are exactly what comes up after publication and are what lead a reviewer to
 * reopen it. For the same reason a comment changes neither the annotation's
 * version (it must not make someone's open form stale) nor the article's
 * updatedAt; the audit log records it.
 */
export const createComment = onDbThread(
  "createComment",
  async function createComment(
    db: Db,
    { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown },
  ): Promise<CommentView> {
    requirePermission(actor, "comment:annotation");
    const { body } = ZCreateComment.parse(input);
    return db.$transaction(async (tx) => {
      const annotation = await tx.annotation.findUnique({
        where: { id: annotationId },
        select: { id: true, articleId: true },
      });
      if (!annotation) throw new AppError("NOT_FOUND", "No such annotation.");
      const created = await tx.comment.create({
        data: { annotationId, authorId: actor.id, body },
        include: commentInclude,
      });
      await recordAuditEvent(tx, {
        articleId: annotation.articleId,
        annotationId,
        actorId: actor.id,
        action: AUDIT.comment.created,
        payload: { commentId: created.id, version: created.version, excerpt: commentExcerpt(body) },
      });
      return toCommentView(created);
    });
  },
);
