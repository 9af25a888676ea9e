import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { ZSignOff } from "../schemas/review";
import type { ArticleView } from "./article-view";
import { transitionArticle } from "./article-transition";
import { AppError } from "./errors";
import { loadArticleView } from "./load-article";
import { requirePermission } from "./require-permission";

const excerpt = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);

/**
 * A reviewer signs the article off once every annotation is APPROVED; it is
 * then read-only. Otherwise 409 lists the annotations still in the way.
 */
export async function signOffArticle(db: Db, { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown }): Promise<ArticleView> {
  requirePermission(actor, "signoff:article");
  const { note } = ZSignOff.parse(input ?? {});
  await db.$transaction(async (tx) => {
    const check = async () => {
      const blocking = await tx.annotation.findMany({ where: { articleId, status: { not: "APPROVED" } }, orderBy: { start: "asc" }, select: { id: true, kind: true, status: true, quote: true } });
      if (!blocking.length) return;
      throw new AppError("CONFLICT", `${blocking.length} annotation(s) are not approved yet.`, {
        blocking: blocking.map((annotation) => ({ id: annotation.id, kind: annotation.kind, status: annotation.status, quote: excerpt(annotation.quote) })),
      });
    };
    await transitionArticle(tx, { articleId, actorId: actor.id, action: "sign_off", auditAction: "article.signed_off", note: note || null, check });
    await tx.signOff.create({ data: { articleId, reviewerId: actor.id, decision: "APPROVED", note: note || null } });
  });
  return loadArticleView(db, articleId);
}
