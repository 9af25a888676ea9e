import type { Actor } from "../domain/actor";
import type { AnnotationKind } from "../domain/annotation";
import type { Db } from "../db/client";
import { requirePermission } from "./require-permission";

export type QueueItem = { id: string; kind: AnnotationKind; quote: string; version: number; submittedAt: string; article: { id: string; title: string }; author: { id: string; name: string } };

/**
 * Submitted annotations across articles, oldest first, that this reviewer may
 * review: never their own, nor those whose substance they changed since the
 * last approval (the four-eyes rule, mayReview; a subquery, not a list of ids).
 */
export async function reviewQueue(db: Db, { actor, limit = 200 }: { actor: Actor; limit?: number }): Promise<{ items: QueueItem[]; total: number }> {
  requirePermission(actor, "review:annotation:others");
  const where = { status: "SUBMITTED" as const, createdById: { not: actor.id }, editors: { none: { userId: actor.id } }, article: { status: { not: "SIGNED_OFF" as const } } };
  const [total, rows] = await Promise.all([
    db.annotation.count({ where }),
    db.annotation.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: limit, include: { article: { select: { id: true, title: true } }, createdBy: { select: { id: true, name: true } } } }),
  ]);
  return {
    total,
    items: rows.map((row) => ({ id: row.id, kind: row.kind, quote: row.quote, version: row.version, submittedAt: row.updatedAt.toISOString(), article: row.article, author: row.createdBy })),
  };
}
