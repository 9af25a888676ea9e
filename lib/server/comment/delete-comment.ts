import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { recordAuditEvent } from "../audit/record-audit-event";
import { commentExcerpt, commentInclude } from "../../views/comment-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { staleComment } from "./update-comment";

/**
 * The permission that lets someone delete others' comments (moderation). The
 * table has no comment-specific one, so it is the admin's own: whoever manages
 * the accounts moderates what they write. Reviewers do not get it; their say
 * is a comment of their own.
 */
const MODERATE = "delete:comment:others" as const;

/**
 * Deletes a comment: its author may, and admins may delete anyone's. With
 * `version`, only if it was not changed since. Allowed on signed-off articles,
 * like posting (see createComment). The audit event keeps an excerpt, so a
 * moderated comment still leaves a trace of what was removed.
 */
export const deleteComment = onDbThread(
  "deleteComment",
  async function deleteComment(
    db: Db,
    { actor, commentId, version }: { actor: Actor; commentId: string; version?: number },
  ): Promise<void> {
    requirePermission(actor, "comment:annotation");
    await db.$transaction(async (tx) => {
      const current = await tx.comment.findUnique({
        where: { id: commentId },
        include: { ...commentInclude, annotation: { select: { articleId: true } } },
      });
      if (!current) throw new AppError("NOT_FOUND", "No such comment.");
      if (current.authorId !== actor.id)
        requirePermission(actor, MODERATE, "Only its author or an admin may delete a comment.");
      if (version !== undefined && version !== current.version) throw staleComment(current);
      // Guarded by the version when one was given, so a change between the read and the delete is not lost.
      const deleted = await tx.comment.deleteMany({
        where: { id: commentId, ...(version !== undefined ? { version } : {}) },
      });
      if (deleted.count === 0) {
        const now = await tx.comment.findUnique({ where: { id: commentId }, include: commentInclude });
        throw now ? staleComment(now) : new AppError("NOT_FOUND", "No such comment.");
      }
      await recordAuditEvent(tx, {
        articleId: current.annotation.articleId,
        annotationId: current.annotationId,
        actorId: actor.id,
        action: AUDIT.comment.deleted,
        // Moderation names whose words were removed.
        payload: {
          commentId,
          version: current.version,
          excerpt: commentExcerpt(current.body),
          ...(current.authorId !== actor.id ? { authorId: current.authorId, authorName: current.author.name } : {}),
        },
      });
    });
  },
);
