import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { ZAuditQuery } from "../../schemas/review";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

export type AuditEntry = {
  id: number;
  action: string;
  at: string;
  actor: { id: string; name: string } | null;
  annotationId: string | null;
  payload: Record<string, unknown>;
};
export type AuditPage = { events: AuditEntry[]; page: number; pageSize: number; total: number };

/** The article's audit trail, newest first, optionally for one annotation. Anyone who may read the article may read it. */
export async function listAudit(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<AuditPage> {
  requirePermission(actor, "read:article");
  const { page, pageSize, annotationId } = ZAuditQuery.parse(input);
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "No such article.");
  const where = { articleId, ...(annotationId ? { annotationId } : {}) };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { actor: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    events: rows.map((row) => ({
      id: row.id,
      action: row.action,
      at: row.createdAt.toISOString(),
      actor: row.actor,
      annotationId: row.annotationId,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    })),
    page,
    pageSize,
    total,
  };
}
