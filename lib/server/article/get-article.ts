import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { ArticleView } from "../../views/article-view";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

export async function getArticle(
  db: Db,
  { actor, articleId }: { actor: Actor; articleId: string },
): Promise<ArticleView> {
  requirePermission(actor, "read:article");
  return loadArticleView(db, articleId);
}
