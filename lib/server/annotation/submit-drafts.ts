import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { MAX_BATCH, ZSubmitDrafts } from "../../schemas/review";
import { batchItem } from "../shared/batch-item";
import type { BatchAnswer, BatchResult } from "../../views/batch-result";
import { AppError } from "../shared/errors";
import { assertEditable } from "../article/load-article";
import { submitInTransaction } from "./submit-annotation";

export type SubmitDraftsAnswer = BatchAnswer & {
  /** Drafts of the caller's left on the article (beyond the batch bound). */ remaining: number;
};

/**
 * "Submit all my drafts": the caller's DRAFT annotations on the article in
 * reading order (or the `ids` given), each by the single submission's rules
 * (submitInTransaction). All or nothing, in one transaction: if any one is
 * refused, none is submitted and the error lists every annotation's outcome,
 * so the author fixes that one and presses the button again; the article
 * never sits half-submitted. At most MAX_BATCH per request (one transaction's
 * worth; per-item queries, so no IN list nears SQLite's parameter limit).
 */
export const submitDrafts = onDbThread(
  "submitDrafts",
  async function submitDrafts(
    db: Db,
    { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
  ): Promise<SubmitDraftsAnswer> {
    const { ids } = ZSubmitDrafts.parse(input ?? {});
    return db.$transaction(
      async (tx) => {
        const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
        if (!article) throw new AppError("NOT_FOUND", "No such article.");
        assertEditable(article);
        // Unplaced orphans are not ready for review (submitInTransaction refuses them): "all my drafts" means the placed ones.
        const mine = {
          articleId,
          createdById: actor.id,
          status: "DRAFT" as const,
          anchorStatus: { not: "ORPHANED" as const },
        };
        const targets = ids
          ? [...new Set(ids)]
          : (
              await tx.annotation.findMany({
                where: mine,
                orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
                take: MAX_BATCH,
                select: { id: true },
              })
            ).map((row) => row.id);
        const results: BatchResult[] = [];
        for (const id of targets) {
          results.push(
            await batchItem(id, async () => {
              // An id from another article is not this article's to submit: as if it did not exist.
              if (ids && !(await tx.annotation.findFirst({ where: { id, articleId }, select: { id: true } })))
                throw new AppError("NOT_FOUND", "No such annotation on this article.");
              return submitInTransaction(tx, actor, id, undefined);
            }),
          );
        }
        const refused = results.filter((result) => !result.ok);
        if (refused.length > 0) {
          // Throwing rolls the whole transaction back; none of the results stands.
          const first = refused[0].error!;
          const answer = results.map((result) => (result.ok ? { id: result.id, ok: false } : result));
          throw new AppError(
            first.code,
            `Nothing was submitted: ${refused.length} of ${targets.length} could not be (first: ${first.message})`,
            { results: answer },
          );
        }
        return { results, remaining: ids ? 0 : await tx.annotation.count({ where: mine }) };
      },
      // Up to MAX_BATCH submissions of a handful of statements each: more than the 5 s default allows on a busy machine.
      { timeout: 60_000 },
    );
  },
);
