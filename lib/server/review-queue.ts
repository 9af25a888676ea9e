import type { Actor } from "../domain/actor";
import type { AnnotationKind } from "../domain/annotation";
import { annotationLabel } from "../domain/annotation-label";
import type { Db } from "../db/client";
import { ZReviewQueueQuery } from "../schemas/review";
import { requirePermission } from "./require-permission";

export type QueueItem = { id: string; kind: AnnotationKind; label: string; quote: string; version: number; submittedAt: string; article: { id: string; title: string }; author: { id: string; name: string } };
export type ReviewQueue = { items: QueueItem[]; total: number; page: number; pageSize: number };

/**
 * Submitted, on an article still open for review, and reviewable by this reviewer: never their own, nor those whose
 * substance they changed since the last approval (the four-eyes rule, mayReview; a subquery, not a list of ids).
 */
const waitingFor = (actor: Actor) => ({
  status: "SUBMITTED" as const,
  createdById: { not: actor.id },
  editors: { none: { userId: actor.id } },
  article: { status: { not: "SIGNED_OFF" as const } },
});

/**
 * Submitted annotations across articles that this reviewer may review,
 * oldest first, one page at a time (`page`, `pageSize`: 50 by default), with
 * how many wait in all.
 */
export async function reviewQueue(db: Db, { actor, input = {} }: { actor: Actor; input?: unknown }): Promise<ReviewQueue> {
  requirePermission(actor, "review:annotation:others");
  const { page, pageSize } = ZReviewQueueQuery.parse(input);
  const where = waitingFor(actor);
  const [total, rows] = await Promise.all([
    db.annotation.count({ where }),
    db.annotation.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { article: { select: { id: true, title: true } }, createdBy: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    items: rows.map((row) => ({ id: row.id, kind: row.kind, label: annotationLabel(row.kind, row.number), quote: row.quote, version: row.version, submittedAt: row.updatedAt.toISOString(), article: row.article, author: row.createdBy })),
  };
}

/** How many wait for this reviewer (the navigation's badge). */
export async function reviewQueueSize(db: Db, { actor }: { actor: Actor }): Promise<number> {
  requirePermission(actor, "review:annotation:others");
  return db.annotation.count({ where: waitingFor(actor) });
}
