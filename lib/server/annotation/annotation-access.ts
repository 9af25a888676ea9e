import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { annotationInclude, editorsInclude, toAnnotationView } from "../../views/article-view";
import { AppError } from "../shared/errors";
import { assertEditable, touchEditableArticle } from "../article/load-article";
import { requirePermission } from "../shared/require-permission";

type Tx = Pick<Db, "annotation" | "article" | "user">;

/** annotationInclude without the people: they are resolved below, usually without a query. */
const changeInclude = {
  sources: annotationInclude.sources,
  signOffs: { orderBy: { createdAt: "desc" }, take: 1 },
  editors: editorsInclude,
} as const;

/**
 * Loads an annotation for a change by `actor`: NOT_FOUND when missing, LOCKED
 * when its article is signed off, FORBIDDEN without the own/others permission,
 * CONFLICT (with the current state) when `version` is not the stored one.
 * With `touchArticleAt`, the article's lock check is also the write of its
 * last activity (see touchEditableArticle), saving a statement on every edit.
 */
export async function annotationForChange(
  tx: Tx,
  actor: Actor,
  annotationId: string,
  change: "update" | "delete",
  version?: number,
  { touchArticleAt }: { touchArticleAt?: Date } = {},
) {
  // Everything an AnnotationView needs, so a change can answer without reading the row again.
  const row = await tx.annotation.findUnique({ where: { id: annotationId }, include: changeInclude });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation.");
  const review = row.signOffs[0];
  const annotation = {
    ...row,
    createdBy: await person(tx, row.createdById, actor),
    signOffs: review ? [{ ...review, reviewer: await person(tx, review.reviewerId, actor) }] : [],
  };
  if (touchArticleAt) await touchEditableArticle(tx, annotation.articleId, touchArticleAt);
  else
    assertEditable(
      await tx.article.findUniqueOrThrow({ where: { id: annotation.articleId }, select: { status: true } }),
    );
  requirePermission(
    actor,
    annotation.createdById === actor.id ? `${change}:annotation:own` : `${change}:annotation:others`,
    `You may not ${change} annotations written by others.`,
  );
  if (version !== undefined && version !== annotation.version) throw staleVersion(annotation);
  return annotation;
}

/** Id and name of a user: the caller's own are at hand (the common case: editing one's own work). */
async function person(tx: Tx, userId: string, actor: Actor): Promise<{ id: string; name: string }> {
  if (userId === actor.id) return { id: actor.id, name: actor.name };
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } });
}

export function staleVersion(current: Parameters<typeof toAnnotationView>[0]): AppError {
  return new AppError(
    "CONFLICT",
    `Someone changed this annotation since you loaded it (now version ${current.version}).`,
    { current: toAnnotationView(current) },
  );
}
