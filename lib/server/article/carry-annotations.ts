import { join } from "@prisma/client/runtime/client";
import { type Carried, MOVED_SCORE } from "../../anchoring/reanchor";
import { quoteAt } from "../../anchoring/selector";
import { chunks } from "../../db/chunked";
import type { Db } from "../../db/client";
import type { AnchorStatus, AnnotationStatus } from "../../domain/annotation";
import { AUDIT, type AuditPayload } from "../../domain/audit-actions";
import { nextAnnotationStatus } from "../../domain/workflow";
import { appendAuditEvents } from "../audit/append-audit-events";

type Tx = Pick<Db, "annotation" | "$executeRaw">;

/** What re-anchoring reads of an annotation on the revision being replaced. */
export type CarriedRow = {
  id: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  previousQuote: string | null;
  status: AnnotationStatus;
  version: number;
  updatedAt: Date;
};

export type Reanchoring = { anchored: number; changed: number; orphaned: number };

/**
 * Writes what `reanchor` made of each annotation (`carried[i]` is `rows[i]`'s)
 * onto the new revision, with one `annotation.reanchored` audit row for each
 * that moved, changed or was orphaned, inside the caller's transaction.
 *
 * 2,000 annotations must take well under a second, so rows that change the
 * same way share one statement: the untouched ones (before the first edit)
 * only take the new revision id, those shifted by the same distance with
 * unchanged words and context one increment per distance (a revision edits
 * a few places, so there are a few distances), every orphan one statement.
 * Every ANCHORED one keeps its updatedAt (its words did not change).
 * Only the rest (new words, new context, changed) are written one by one.
 */
export async function carryAnnotations(
  tx: Tx,
  {
    rows,
    carried,
    refound = [],
    newText,
    revision,
    articleId,
    actorId,
  }: {
    rows: CarriedRow[];
    carried: Carried[];
    /** Orphans of earlier revisions whose exact words are back (findOrphanAgain): placed again, to be reviewed again. */
    refound?: { row: CarriedRow; start: number; end: number }[];
    newText: string;
    revision: { id: string; number: number };
    articleId: string;
    actorId: string;
  },
): Promise<void> {
  const kept: string[] = [];
  const shifted = new Map<number, string[]>();
  const orphans: string[] = [];
  const audit: { annotationId: string; payload: AuditPayload<typeof AUDIT.annotation.reanchored> }[] = [];
  const updatedAt = new Date();
  const revisionId = revision.id;

  for (const { row, start, end } of refound) {
    const at = quoteAt(newText, start, end);
    // Not placed by a person: its approval went with its words, so it goes back to review (ORPHANED → DRAFT).
    const status = nextAnnotationStatus(row.status, "edit_substance") ?? row.status;
    await tx.annotation.updateMany({
      where: { id: row.id },
      data: {
        revisionId,
        start,
        end,
        ...at,
        anchorStatus: "ANCHORED",
        anchorScore: MOVED_SCORE,
        previousQuote: null,
        status,
        version: { increment: 1 },
        updatedAt,
      },
    });
    audit.push({
      annotationId: row.id,
      payload: {
        revision: revision.number,
        status: "ANCHORED",
        from: { start: row.start, end: row.end, quote: row.quote },
        to: { start, end, quote: at.quote },
        score: MOVED_SCORE,
        version: row.version + 1,
        refound: true,
        ...workflow(row.status, status),
      },
    });
  }

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const outcome = carried[i];
    const from = { start: row.start, end: row.end, quote: row.quote };
    const base = { revision: revision.number, from, score: outcome.score };
    if (outcome.status === "ORPHANED") {
      orphans.push(row.id);
      // Its span stays as it was, on the revision it was found on; only its state says it is not in this one.
      audit.push({
        annotationId: row.id,
        payload: {
          ...base,
          status: "ORPHANED",
          to: null,
          score: 0,
          version: row.version + 1,
          ...workflow(row.status, "ORPHANED"),
        },
      });
      continue;
    }
    const at = quoteAt(newText, outcome.start, outcome.end);
    const to = { start: outcome.start, end: outcome.end, quote: at.quote };
    // Its span on the new revision, for a row written on its own.
    const placed = { revisionId, ...to, ...at, updatedAt };
    if (outcome.status === "CHANGED") {
      const status = nextAnnotationStatus(row.status, "edit_substance") ?? row.status;
      await tx.annotation.updateMany({
        where: { id: row.id },
        data: {
          ...placed,
          anchorStatus: "CHANGED",
          anchorScore: outcome.score,
          // Still unreviewed from an earlier revision: the cue keeps the words a review last saw.
          previousQuote: row.anchorStatus === "CHANGED" && row.previousQuote !== null ? row.previousQuote : row.quote,
          status,
          version: { increment: 1 },
        },
      });
      audit.push({
        annotationId: row.id,
        payload: { ...base, status: "CHANGED", to, version: row.version + 1, ...workflow(row.status, status) },
      });
      continue;
    }
    // ANCHORED on its own words. One still CHANGED from an earlier revision keeps its cue until reviewed.
    const moved = outcome.start !== row.start || outcome.end !== row.end || at.quote !== row.quote;
    const score = row.anchorStatus === "CHANGED" ? Math.min(row.anchorScore, outcome.score) : outcome.score;
    const sameShape = at.quote === row.quote && at.prefix === row.prefix && at.suffix === row.suffix;
    if (sameShape && score === row.anchorScore) {
      if (!moved) kept.push(row.id);
      else {
        const delta = outcome.start - row.start;
        const list = shifted.get(delta);
        if (list) list.push(row.id);
        else shifted.set(delta, [row.id]);
      }
    } else {
      await tx.annotation.updateMany({
        where: { id: row.id },
        // Its words did not change, so neither does its updatedAt (the review queue's "submitted at").
        data: {
          ...placed,
          updatedAt: row.updatedAt,
          anchorScore: score,
          ...(moved ? { version: { increment: 1 } } : {}),
        },
      });
    }
    if (moved)
      audit.push({ annotationId: row.id, payload: { ...base, status: "ANCHORED", to, version: row.version + 1 } });
  }

  // Raw, so their updatedAt stays (Prisma would set it): the review queue orders by it ("submitted at").
  for (const ids of chunks(kept))
    await tx.$executeRaw`UPDATE "Annotation" SET "revisionId" = ${revisionId} WHERE "id" IN (${join(ids)})`;
  for (const [delta, list] of shifted)
    for (const ids of chunks(list))
      await tx.$executeRaw`UPDATE "Annotation" SET "revisionId" = ${revisionId}, "start" = "start" + ${delta}, "end" = "end" + ${delta}, "version" = "version" + 1 WHERE "id" IN (${join(ids)})`;
  for (const ids of chunks(orphans))
    await tx.annotation.updateMany({
      where: { id: { in: ids } },
      data: { anchorStatus: "ORPHANED", anchorScore: 0, status: "ORPHANED", version: { increment: 1 }, updatedAt },
    });

  await appendAuditEvents(
    tx,
    audit.map(({ annotationId, payload }) => ({
      articleId,
      annotationId,
      actorId,
      action: AUDIT.annotation.reanchored,
      payload,
    })),
  );
}

/** The workflow's status change, for the audit payload, when there is one. */
const workflow = (from: AnnotationStatus, to: AnnotationStatus) => (from === to ? {} : { workflow: { from, to } });

/** How many of each outcome: the revision's counts and the API's answer. */
export function countOutcomes(carried: readonly Carried[]): Reanchoring {
  const counts = { anchored: 0, changed: 0, orphaned: 0 };
  for (const { status } of carried) {
    if (status === "ANCHORED") counts.anchored++;
    else if (status === "CHANGED") counts.changed++;
    else counts.orphaned++;
  }
  return counts;
}
