import type { Db } from "../../db/client";
import type { AnchorStatus } from "../../domain/annotation";
import { revisionText } from "../article/revision-text";
import { anchorSpan } from "./anchor-span";

type Tx = Pick<Db, "article" | "articleRevision">;
type Held = { articleId: string; revisionId: string; start: number; end: number; anchorStatus: AnchorStatus };

/**
 * A span an editor selected anew on the article's current revision (checked
 * there by anchorSpan): the fields to write, and whether anything about the
 * span changes. Selecting the words is a human's placement, so it is exact:
 * ANCHORED, score 1, the changed-words cue cleared. `placed` when the
 * annotation was an orphan (it is on the current revision from now on).
 */
export async function newSpan(tx: Tx, held: Held, span: { start: number; end: number; quote?: string }) {
  const { currentRevision: revision } = await tx.article.findUniqueOrThrow({
    where: { id: held.articleId },
    select: { currentRevision: { select: { id: true, number: true } } },
  });
  const at = anchorSpan(await revisionText(tx, revision!.id), span.start, span.end, span.quote);
  const changes =
    revision!.id !== held.revisionId ||
    span.start !== held.start ||
    span.end !== held.end ||
    held.anchorStatus !== "ANCHORED";
  return {
    revision: revision!,
    changes,
    placed: changes && held.anchorStatus === "ORPHANED",
    fields: {
      revisionId: revision!.id,
      start: span.start,
      end: span.end,
      ...at,
      anchorStatus: "ANCHORED" as const,
      anchorScore: 1,
      previousQuote: null,
    },
  };
}
