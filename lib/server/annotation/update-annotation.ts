import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { annotationLabel } from "../../domain/annotation-label";
import { AUDIT } from "../../domain/audit-actions";
import { fieldChanges } from "../../domain/audit-changes";
import { SUBSTANCE_FIELDS } from "../../domain/workflow";
import { ratingProblem, ZUpdateAnnotation } from "../../schemas/annotations";
import { annotationForChange, staleVersion } from "./annotation-access";
import { takeAnnotationNumber } from "./annotation-number";
import { annotationInclude, toAnnotationView, type AnnotationView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { announceBasisChanged, type ChangedBasis } from "./announce-basis-changed";
import { checkBasedOn } from "./check-based-on";
import { checkDeniedClaim } from "./check-denied-claim";
import { invalid } from "../shared/errors";
import { newSpan } from "./new-span";
import { recordSubstanceChange } from "./record-substance-change";
import { resolveSpeaker, type ResolvedSpeaker } from "../speaker/resolve-speaker";

/**
 * Partial update carrying the version the client last saw: a stale version is
 * 409 CONFLICT with the current state, never a silent overwrite. `sources`,
 * when given, replaces the whole list in the order given. A change of
 * substance is recorded by recordSubstanceChange (the editor is barred from
 * reviewing it; a submitted or approved annotation returns to DRAFT); the
 * audit event records from → to, and each changed field's value before and
 * after (shortened). A kind change takes the new kind's next number (claim C3
 * becomes denial D2): a label names one kind, and C3 stays unused.
 */
export const updateAnnotation = onDbThread(
  "updateAnnotation",
  async function updateAnnotation(
    db: Db,
    { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown },
  ): Promise<AnnotationView> {
    const { version, sources, start, end, quote, speakerId, ...changes } = ZUpdateAnnotation.parse(input);
    // Set inside the transaction, announced after it commits.
    let changedBasis = null as ChangedBasis | null;
    const view = await db.$transaction(async (tx) => {
      const updatedAt = new Date();
      const current = await annotationForChange(tx, actor, annotationId, "update", version, {
        touchArticleAt: updatedAt,
      });
      const kind = changes.kind ?? current.kind;
      const verdict = changes.verdict === undefined ? current.verdict : changes.verdict;
      const deniesId = changes.deniesId === undefined ? current.deniesId : changes.deniesId;
      const notRatedReason = changes.notRatedReason === undefined ? current.notRatedReason : changes.notRatedReason;
      const rating = ratingProblem({ kind, verdict, notRatedReason });
      if (rating) throw invalid(rating.field, rating.message);
      if (kind !== "DENIAL" && deniesId)
        throw invalid("deniesId", "only a denial can deny a claim; send deniesId: null");
      if (deniesId === current.id) throw invalid("deniesId", "an annotation cannot deny itself");
      if (changes.deniesId) await checkDeniedClaim(tx, current.articleId, changes.deniesId);
      if (changes.basedOnId) await checkBasedOn(tx, annotationId, changes.basedOnId);
      // Saving its own verdict answers a "the verdict this was based on changed" flag.
      const verdictSaved = changes.verdict !== undefined;
      const basedOnChangedAt = verdictSaved ? null : current.basedOnChangedAt;
      if (current.kind === "CLAIM" && kind !== "CLAIM") {
        const denials = await tx.annotation.count({ where: { deniesId: annotationId } });
        if (denials)
          throw invalid("kind", `${denials} denial(s) point at this claim; unlink them before changing its kind`);
      }

      const span = start !== undefined && end !== undefined ? await newSpan(tx, current, { start, end, quote }) : null;
      const spanFields = span?.changes ? span.fields : {};

      // A new name or a picked record re-links the speaker; only a picked record without a name renames it.
      const speakerLink: Partial<ResolvedSpeaker> =
        changes.speaker === undefined && speakerId === undefined
          ? {}
          : await resolveSpeaker(tx, {
              speaker: changes.speaker !== undefined ? changes.speaker : speakerId ? null : current.speaker,
              speakerId,
            });
      if (speakerLink.speaker !== undefined) changes.speaker = speakerLink.speaker;

      const number = kind === current.kind ? current.number : await takeAnnotationNumber(tx, current.articleId, kind);
      const substance =
        Boolean(sources) ||
        Boolean(span?.changes) ||
        SUBSTANCE_FIELDS.some(
          (field) =>
            field in changes &&
            (changes as Record<string, unknown>)[field] !== (current as Record<string, unknown>)[field],
        );
      // Details (speaker, note) never change the status; substance goes through the one rule below.
      const written = await tx.annotation.updateMany({
        where: { id: annotationId, version: current.version },
        data: {
          ...changes,
          ...spanFields,
          ...speakerLink,
          number,
          verdict,
          deniesId,
          note: changes.note,
          ...(verdictSaved ? { basedOnChangedAt: null } : {}),
          version: { increment: 1 },
          updatedAt,
        },
      });
      if (written.count === 0)
        throw staleVersion(
          await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: annotationInclude }),
        );
      const { status, editors, statusChange } = substance
        ? await recordSubstanceChange(tx, actor.id, current)
        : { status: current.status, editors: current.editors, statusChange: {} };
      let sourceRows = current.sources;
      if (sources) {
        await tx.source.deleteMany({ where: { annotationId } });
        const rows = await tx.source.createManyAndReturn({
          data: sources.map((source, position) => ({ ...source, position, annotationId })),
        });
        sourceRows = rows.sort((a, b) => a.position - b.position);
      }
      // Annotations that reused this verdict are flagged in the same transaction (decision 030), as a change of
      // theirs (a new version: an open form saving the old one meets the conflict); their articles hear of it after.
      if (verdict !== current.verdict) {
        const flagged = await tx.annotation.updateMany({
          where: { basedOnId: annotationId },
          data: { basedOnChangedAt: updatedAt, version: { increment: 1 } },
        });
        if (flagged.count > 0) {
          const article = await tx.article.findUniqueOrThrow({
            where: { id: current.articleId },
            select: { title: true },
          });
          changedBasis = {
            actorId: actor.id,
            basedOn: {
              id: annotationId,
              label: annotationLabel(kind, number),
              articleId: current.articleId,
              articleTitle: article.title,
            },
            from: current.verdict,
            to: verdict,
            at: updatedAt,
          };
        }
      }
      // The row as written, from what was read and what changed: no second read inside the transaction.
      const updated = {
        ...current,
        ...definedOnly(changes),
        ...spanFields,
        ...speakerLink,
        number,
        verdict,
        deniesId,
        basedOnChangedAt,
        status,
        editors,
        version: current.version + 1,
        updatedAt,
        sources: sourceRows,
      };
      // Placing an orphan is its own event ("placed by Ana in revision 3"); a re-selected span is an edit of it.
      const spanChanges =
        span?.changes && !span.placed ? { start, end, quote: span.fields.quote, anchorStatus: "ANCHORED" } : {};
      const changed = fieldChanges({ ...changes, ...spanChanges }, current, {
        deniesId: await claimLabels(tx, [current.deniesId, changes.deniesId]),
      });
      if (sources) changed.sources = { from: current.sources.length, to: sourceRows.length };
      const label = { from: annotationLabel(current.kind, current.number), to: annotationLabel(kind, number) };
      if (span?.placed) {
        const { revision, fields } = span;
        await recordAuditEvent(tx, {
          articleId: current.articleId,
          annotationId,
          actorId: actor.id,
          action: AUDIT.annotation.placed,
          payload: {
            revision: revision.number,
            to: { start: fields.start, end: fields.end, quote: fields.quote },
            version: updated.version,
            ...("to" in statusChange ? { workflow: statusChange } : {}),
          },
        });
        if (Object.keys(changed).length === 0) return toAnnotationView(updated);
      }
      await recordAuditEvent(tx, {
        articleId: current.articleId,
        annotationId,
        actorId: actor.id,
        action: AUDIT.annotation.updated,
        payload: {
          fields: Object.keys(changed),
          changes: changed,
          label: label.from === label.to ? label.to : label,
          version: updated.version,
          ...(span?.placed ? {} : statusChange),
        },
      });
      return toAnnotationView(updated);
    });
    if (changedBasis) await announceBasisChanged(db, changedBasis);
    return view;
  },
);

function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Denied claims by their labels (C1), as the audit log names them; ids it cannot find stay ids. */
async function claimLabels(
  tx: Pick<Db, "annotation">,
  ids: (string | null | undefined)[],
): Promise<(id: unknown) => unknown> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (ids[1] === undefined || ids[0] === ids[1] || wanted.length === 0) return (id) => id;
  const rows = await tx.annotation.findMany({
    where: { id: { in: wanted } },
    select: { id: true, kind: true, number: true },
  });
  const labels = new Map(rows.map((row) => [row.id, annotationLabel(row.kind, row.number)]));
  return (id) => (typeof id === "string" ? (labels.get(id) ?? id) : id);
}
