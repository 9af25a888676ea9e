import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import type { ArticleSummaryView, ArticleView } from "../../views/article-view";
import { loadArticleSummaryView, loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/** `summaries`: each annotation as its summary, as the workbench page carries them (its re-reads: decision 028). */
export async function getArticle(
  db: Db,
  input: { actor: Actor; articleId: string; summaries: boolean },
): Promise<ArticleView | ArticleSummaryView>;
export async function getArticle(db: Db, input: { actor: Actor; articleId: string }): Promise<ArticleView>;
export async function getArticle(
  db: Db,
  { actor, articleId, summaries = false }: { actor: Actor; articleId: string; summaries?: boolean },
): Promise<ArticleView | ArticleSummaryView> {
  requirePermission(actor, "read:article");
  return summaries ? loadArticleSummaryView(db, articleId) : loadArticleView(db, articleId);
}
