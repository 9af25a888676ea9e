import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZReopen } from "../../schemas/review";
import type { ArticleView } from "../../views/article-view";
import { transitionArticle } from "./article-transition";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/** A reviewer or admin reopens a signed-off article, saying why; it becomes editable again. */
export async function reopenArticle(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<ArticleView> {
  requirePermission(actor, "reopen:article");
  const { note } = ZReopen.parse(input ?? {});
  await db.$transaction((tx) =>
    transitionArticle(tx, {
      articleId,
      actorId: actor.id,
      action: "reopen",
      auditAction: AUDIT.article.reopened,
      note,
    }),
  );
  return loadArticleView(db, articleId);
}
