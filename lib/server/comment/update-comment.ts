import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZUpdateComment } from "../../schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { commentExcerpt, commentInclude, toCommentView, type CommentView } from "../../views/comment-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/**
 * Changes the text of a comment. Only its author may: a comment is someone's
 * own words, so not even an admin may put others in their mouth (admins may
 * delete one instead, see deleteComment). Like annotations, it carries the
 * version last seen: a stale one is 409 CONFLICT with the current comment.
 * Allowed on signed-off articles, like posting (see createComment).
 */
export const updateComment = onDbThread(
  "updateComment",
  async function updateComment(
    db: Db,
    { actor, commentId, input }: { actor: Actor; commentId: string; input: unknown },
  ): Promise<CommentView> {
    requirePermission(actor, "comment:annotation");
    const { body, version } = ZUpdateComment.parse(input);
    return db.$transaction(async (tx) => {
      const current = await tx.comment.findUnique({
        where: { id: commentId },
        include: { ...commentInclude, annotation: { select: { articleId: true } } },
      });
      if (!current) throw new AppError("NOT_FOUND", "No such comment.");
      if (current.authorId !== actor.id) throw new AppError("FORBIDDEN", "Only its author may edit a comment.");
      if (version !== current.version) throw staleComment(current);
      const written = await tx.comment.updateMany({
        where: { id: commentId, version },
        data: { body, version: { increment: 1 } },
      });
      if (written.count === 0)
        throw staleComment(await tx.comment.findUniqueOrThrow({ where: { id: commentId }, include: commentInclude }));
      const updated = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, include: commentInclude });
      await recordAuditEvent(tx, {
        articleId: current.annotation.articleId,
        annotationId: current.annotationId,
        actorId: actor.id,
        action: AUDIT.comment.updated,
        payload: { commentId, version: updated.version, excerpt: commentExcerpt(body) },
      });
      return toCommentView(updated);
    });
  },
);

export function staleComment(current: Parameters<typeof toCommentView>[0]): AppError {
  return new AppError("CONFLICT", `This comment was changed since you loaded it (now version ${current.version}).`, {
    current: toCommentView(current),
  });
}
