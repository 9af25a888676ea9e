import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { type AUDIT, type AuditPayload } from "../../domain/audit-actions";
import { annotationForChange } from "../annotation/annotation-access";
import { annotationInclude, toAnnotationView, type AnnotationView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { recordSubstanceChange } from "../annotation/record-substance-change";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type SourceAction = (typeof AUDIT.source)[keyof typeof AUDIT.source];
/** What a source change records itself; the version and any status change are added here. */
type SourceDetails<A extends SourceAction> = Omit<AuditPayload<A>, "version" | "from" | "to">;

/**
 * Sources are part of an annotation's substance: adding, editing, moving or
 * removing one bumps the annotation's version, is recorded as a change of
 * substance (recordSubstanceChange) and writes an audit event, in one
 * transaction. Each returns the whole updated annotation. `version`, when
 * given, is the annotation's version the client last saw: stale, the change
 * is refused with 409 and the current state (the workbench sends it for
 * edits, moves and removals; an addition overwrites nobody's work).
 */
export async function changeSources<A extends SourceAction>(
  db: Db,
  actor: Actor,
  annotationId: string,
  action: A,
  version: number | undefined,
  change: (tx: Tx) => Promise<SourceDetails<A>>,
): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const current = await annotationForChange(tx, actor, annotationId, "update", version, {
      touchArticleAt: new Date(),
    });
    const payload = await change(tx);
    // The row as it is now (the write holds it): its status and editors, not those read before the change.
    const bumped = await tx.annotation.update({
      where: { id: annotationId },
      data: { version: { increment: 1 } },
      include: annotationInclude,
    });
    const { status, editors, statusChange } = await recordSubstanceChange(tx, actor.id, bumped);
    // The details, the version and the status change make the action's payload (TypeScript cannot see that through Omit on a type parameter).
    await recordAuditEvent(tx, {
      articleId: current.articleId,
      annotationId,
      actorId: actor.id,
      action,
      payload: { ...payload, version: bumped.version, ...statusChange } as AuditPayload<A>,
    });
    return toAnnotationView({ ...bumped, status, editors });
  });
}

export async function sourceOf(db: Pick<Db, "source">, sourceId: string) {
  const source = await db.source.findUnique({ where: { id: sourceId } });
  if (!source) throw new AppError("NOT_FOUND", "No such source.");
  return source;
}

export async function renumber(tx: Tx, annotationId: string, ids: string[]) {
  for (const [position, id] of ids.entries())
    await tx.source.update({ where: { id, annotationId }, data: { position } });
}
