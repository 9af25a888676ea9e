import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import type { Db } from "../../db/client";
import { ZReviewQueueQuery } from "../../schemas/review";
import { requirePermission } from "../shared/require-permission";
import type { ReviewQueue } from "../../views/review-queue";
import { waitingFor } from "./waiting-for-review";

/**
 * Submitted annotations across articles that this reviewer may review,
 * oldest first, one page at a time (`page`, `pageSize`: 50 by default), with
 * how many wait in all.
 */
export async function reviewQueue(
  db: Db,
  { actor, input = {} }: { actor: Actor; input?: unknown },
): Promise<ReviewQueue> {
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
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: annotationLabel(row.kind, row.number),
      quote: row.quote,
      version: row.version,
      submittedAt: row.updatedAt.toISOString(),
      article: row.article,
      author: row.createdBy,
    })),
  };
}
