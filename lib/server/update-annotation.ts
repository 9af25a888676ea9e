import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { onDbThread } from "../db-thread/on-db-thread";
import { SUBSTANCE_FIELDS } from "../domain/workflow";
import { ratingProblem, ZUpdateAnnotation } from "../schemas/annotations";
import { annotationForChange, staleVersion } from "./annotation-access";
import { annotationInclude, toAnnotationView, type AnnotationView } from "./article-view";
import { recordAuditEvent } from "./audit";
import { checkDeniedClaim } from "./check-denied-claim";
import { invalid } from "./errors";
import { recordSubstanceChange } from "./record-substance-change";

/**
 * Partial update carrying the version the client last saw: a stale version is
 * 409 CONFLICT with the current state, never a silent overwrite. `sources`,
 * when given, replaces the whole list in the order given. A change of
 * substance is recorded by recordSubstanceChange (the editor is barred from
 * reviewing it; a submitted or approved annotation returns to DRAFT); the
 * audit event records from → to.
 */
export const updateAnnotation = onDbThread("updateAnnotation", async function updateAnnotation(db: Db, { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown }): Promise<AnnotationView> {
  const { version, sources, ...changes } = ZUpdateAnnotation.parse(input);
  return db.$transaction(async (tx) => {
    const updatedAt = new Date();
    const current = await annotationForChange(tx, actor, annotationId, "update", version, { touchArticleAt: updatedAt });
    const kind = changes.kind ?? current.kind;
    const verdict = changes.verdict === undefined ? current.verdict : changes.verdict;
    const deniesId = changes.deniesId === undefined ? current.deniesId : changes.deniesId;
    const notRatedReason = changes.notRatedReason === undefined ? current.notRatedReason : changes.notRatedReason;
    const rating = ratingProblem({ kind, verdict, notRatedReason });
    if (rating) throw invalid(rating.field, rating.message);
    if (kind !== "DENIAL" && deniesId) throw invalid("deniesId", "only a denial can deny a claim; send deniesId: null");
    if (deniesId === current.id) throw invalid("deniesId", "an annotation cannot deny itself");
    if (changes.deniesId) await checkDeniedClaim(tx, current.articleId, changes.deniesId);
    if (current.kind === "CLAIM" && kind !== "CLAIM") {
      const denials = await tx.annotation.count({ where: { deniesId: annotationId } });
      if (denials) throw invalid("kind", `${denials} denial(s) point at this claim; unlink them before changing its kind`);
    }

    const substance = Boolean(sources) || SUBSTANCE_FIELDS.some((field) => field in changes && (changes as Record<string, unknown>)[field] !== (current as Record<string, unknown>)[field]);
    // Details (speaker, note) never change the status; substance goes through the one rule below.
    const written = await tx.annotation.updateMany({
      where: { id: annotationId, version: current.version },
      data: { ...changes, verdict, deniesId, note: changes.note, version: { increment: 1 }, updatedAt },
    });
    if (written.count === 0) throw staleVersion(await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }));
    const { status, editors, statusChange } = substance ? await recordSubstanceChange(tx, actor.id, current) : { status: current.status, editors: current.editors, statusChange: {} };
    let sourceRows = current.sources;
    if (sources) {
      await tx.source.deleteMany({ where: { annotationId } });
      const rows = await tx.source.createManyAndReturn({ data: sources.map((source, position) => ({ ...source, position, annotationId })) });
      sourceRows = rows.sort((a, b) => a.position - b.position);
    }
    // The row as written, from what was read and what changed: no second read inside the transaction.
    const updated = { ...current, ...definedOnly(changes), verdict, deniesId, status, editors, version: current.version + 1, updatedAt, sources: sourceRows };
    await recordAuditEvent(tx, {
      articleId: current.articleId,
      annotationId,
      actorId: actor.id,
      action: "annotation.updated",
      payload: { fields: [...changedFields(changes, current), ...(sources ? ["sources"] : [])], version: updated.version, ...statusChange },
    });
    return toAnnotationView(updated);
  });
});

function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The fields whose value actually changed, so the audit log does not claim edits that did not happen. */
function changedFields(changes: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.keys(changes).filter((field) => changes[field] !== undefined && changes[field] !== current[field]);
}
