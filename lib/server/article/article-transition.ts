import type { AUDIT } from "../../domain/audit-actions";
import type { ArticleAction } from "../../domain/workflow";
import { nextArticleStatus } from "../../domain/workflow";
import type { Db } from "../../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { refusedTransition } from "../shared/workflow-errors";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Moves an article through its workflow inside the caller's transaction: the
 * write is conditional on the status read, so a concurrent change is a 409,
 * and the audit event (from → to, note) goes with it. `check` runs between
 * reading and writing (e.g. "every annotation approved").
 */
export async function transitionArticle(
  tx: Tx,
  {
    articleId,
    actorId,
    action,
    auditAction,
    note,
    check,
  }: {
    articleId: string;
    actorId: string;
    action: ArticleAction;
    auditAction: typeof AUDIT.article.signedOff | typeof AUDIT.article.reopened;
    note?: string | null;
    check?: () => Promise<void>;
  },
) {
  const article = await tx.article.findUnique({ where: { id: articleId } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const to = nextArticleStatus(article.status, action);
  if (!to) throw refusedTransition("an article", article.status, action);
  await check?.();
  const written = await tx.article.updateMany({
    where: { id: articleId, status: article.status },
    data: { status: to, version: { increment: 1 } },
  });
  if (written.count === 0) throw new AppError("CONFLICT", "The article changed meanwhile; reload and try again.");
  await recordAuditEvent(tx, {
    articleId,
    actorId,
    action: auditAction,
    payload: { from: article.status, to, note: note ?? null },
  });
  return to;
}
