import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { commentInclude, toCommentView, type CommentView } from "../../views/comment-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/** The discussion of one annotation, oldest first. Anyone who may read the article may read it. */
export async function listComments(
  db: Db,
  { actor, annotationId }: { actor: Actor; annotationId: string },
): Promise<CommentView[]> {
  requirePermission(actor, "read:article");
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, select: { id: true } });
  if (!annotation) throw new AppError("NOT_FOUND", "No such annotation.");
  // createdAt has millisecond precision; the id (a cuid, time-ordered) breaks ties between comments posted in the same millisecond.
  const rows = await db.comment.findMany({
    where: { annotationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: commentInclude,
  });
  return rows.map(toCommentView);
}
