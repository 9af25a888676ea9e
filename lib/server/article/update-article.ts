import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZUpdateArticle } from "../../schemas/articles";
import type { ArticleView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/**
 * The article's metadata that may change after import: today its public
 * address (`publicUrl`, null to fall back to FACTMARK_PUBLIC_URL). Allowed on a
 * signed-off article too: the address is usually known only once the
 * fact-check is published, after sign-off, and it changes nothing a reviewer
 * approved. The audit event records from → to.
 */
export async function updateArticle(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<ArticleView> {
  requirePermission(actor, "update:article");
  const { publicUrl } = ZUpdateArticle.parse(input);
  await db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id: articleId }, select: { publicUrl: true } });
    if (!current) throw new AppError("NOT_FOUND", "No such article.");
    if (current.publicUrl === publicUrl) return;
    await tx.article.update({ where: { id: articleId }, data: { publicUrl } });
    await recordAuditEvent(tx, {
      articleId,
      actorId: actor.id,
      action: AUDIT.article.updated,
      payload: { fields: ["publicUrl"], publicUrl: { from: current.publicUrl, to: publicUrl } },
    });
  });
  return loadArticleView(db, articleId);
}
