import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/**
 * The article's title, or NOT_FOUND: one row, one column. The workbench page answers from it (its status, 404 or
 * 200, and its title) before the article and its annotations are read, so the page's first bytes do not wait for
 * them (issue #14).
 */
export async function findArticleHeading(
  db: Pick<Db, "article">,
  { actor, articleId }: { actor: Actor; articleId: string },
): Promise<{ title: string }> {
  requirePermission(actor, "read:article");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { title: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  return article;
}
