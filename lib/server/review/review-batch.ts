import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZReviewBatch } from "../../schemas/review";
import { batchItem } from "../shared/batch-item";
import type { BatchAnswer, BatchResult } from "../../views/batch-result";
import { requirePermission } from "../shared/require-permission";
import { reviewInTransaction } from "./review-annotation";

/**
 * Several review decisions at once (POST /api/v1/reviews), each by the single
 * review's rules (reviewInTransaction) in its own transaction: clearly
 * partial. Each decision is a judgement of its own, so one the reviewer may
 * not make (four eyes), or one overtaken by an edit, is refused with its own
 * 403 or 409 while the others stand, exactly as if sent one by one.
 */
export const reviewBatch = onDbThread(
  "reviewBatch",
  async function reviewBatch(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<BatchAnswer> {
    requirePermission(actor, "review:annotation:others");
    const { decisions } = ZReviewBatch.parse(input);
    const results: BatchResult[] = [];
    for (const { annotationId, ...decision } of decisions) {
      results.push(
        await batchItem(annotationId, () =>
          db.$transaction((tx) => reviewInTransaction(tx, actor, annotationId, decision)),
        ),
      );
    }
    return { results };
  },
);
