import type { Db } from "../../db/client";
import type { AnnotationStatus } from "../../domain/annotation";
import { nextAnnotationStatus } from "../../domain/workflow";

type Tx = Pick<Db, "annotation" | "annotationEditor">;

type Changed = { id: string; status: AnnotationStatus; editors: { userId: string }[] };

/**
 * The one way a change to an annotation's substance (kind, span, verdict,
 * rationale, sources, denied claim: SUBSTANCE_FIELDS) is recorded. Call it in
 * the same transaction as the change, after the annotation's own row was
 * written (on PostgreSQL that write holds the row, so a concurrent approval
 * cannot clear the list between the two). It
 * - adds `editorId` to the annotation's editors (AnnotationEditor), whom the
 *   four-eyes rule (mayReview) bars from approving it until an approval by
 *   someone else covers the change (reviewAnnotation clears the list);
 * - applies the `edit_substance` transition: a SUBMITTED or APPROVED
 *   annotation goes back to DRAFT, since what was sent to review or approved
 *   is not what it says now.
 * Every path that changes substance must call it: PATCH, each source change,
 * unlinking a deleted claim's denials, and later ones (batch edits,
 * re-anchoring after a revision, reusing an earlier verdict). A path that
 * skips it lets one person approve their own words.
 *
 * Returns the annotation's new status and editors (for its view) and the
 * status change, if any, for the audit event's payload (`{ from, to }`).
 */
export async function recordSubstanceChange(tx: Tx, editorId: string, annotation: Changed) {
  // Always written, never skipped on what `annotation` says: on PostgreSQL that read may predate an approval that cleared the list.
  await tx.annotationEditor.upsert({
    where: { annotationId_userId: { annotationId: annotation.id, userId: editorId } },
    create: { annotationId: annotation.id, userId: editorId },
    update: {},
  });
  const status = nextAnnotationStatus(annotation.status, "edit_substance") ?? annotation.status;
  if (status !== annotation.status) await tx.annotation.update({ where: { id: annotation.id }, data: { status } });
  const editors = annotation.editors.some((editor) => editor.userId === editorId)
    ? annotation.editors
    : [...annotation.editors, { userId: editorId }];
  return { status, editors, statusChange: status !== annotation.status ? { from: annotation.status, to: status } : {} };
}
