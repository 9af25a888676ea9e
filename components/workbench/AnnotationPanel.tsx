"use client";

import { useMemo } from "react";
import { KIND_LABELS } from "@/lib/domain/annotation";
import { isDetailed, type AnnotationSummary, type AnnotationView } from "@/lib/views/article-view";
import { mayDelete, mayUpdate } from "./access";
import { AnnotationForm } from "./AnnotationForm";
import { ChangedWords } from "./ChangedWords";
import { CheckedBefore } from "./CheckedBefore";
import { ClaimLinks } from "./ClaimLinks";
import { CommentThread } from "./comments/CommentThread";
import { DeleteAnnotation } from "./DeleteAnnotation";
import { byPosition } from "./model";
import type { Span } from "./offsets";
import { OldWords } from "./NeedsPlacement";
import { PlaceOrphan } from "./PlaceOrphan";
import { isPlaced } from "./revisions";
import { ReviewActions } from "./ReviewActions";
import { SourcesEditor } from "./SourcesEditor";
import { ANNOTATION_STATUS_LABELS, STATUS_MARKS } from "./status";
import { useWorkbench, useWorkbenchRefs } from "./state/WorkbenchProvider";

/**
 * The open annotation (as panelAnnotation gives it: a pinned draft's fields, or an orphan), everything else from the
 * workbench's state. `selected`: the words selected in the article, for placing one a revision left unplaced.
 * Shown at once from its summary (heading, status, quote, neighbours, comments); the form, sources, review actions
 * and deletion wait for its details (decision 028), so nothing half-loaded can be saved over what is stored.
 */
export function AnnotationPanel({ annotation, selected }: { annotation: AnnotationSummary; selected: Span | null }) {
  const { store, article, labels: known, actor, permissions, openAnnotation, closePanel, loadDetails } = useWorkbench();
  const { heading: headingRef } = useWorkbenchRefs();
  const { annotations, orphans } = store.data;
  const orphan = orphans[annotation.id];
  // One deleted by someone else while this user typed in it is no longer in the list, but keeps its label here.
  const labels = useMemo(
    () => (orphan ? new Map(known).set(orphan.annotation.id, orphan.label) : known),
    [known, orphan],
  );
  const label = labels.get(annotation.id) ?? "";
  const canEdit = mayUpdate(permissions, actor, annotation);
  const revisionId = article.revision.id;
  const placed = isPlaced(annotation, revisionId);
  // Offsets of an unplaced one are into an older text: nothing in this one overlaps it.
  // Scans of every annotation, kept while the annotations are unchanged: the panel re-renders on each keystroke.
  const overlapping = useMemo(
    () =>
      annotations
        .filter(
          (other) =>
            placed &&
            other.id !== annotation.id &&
            isPlaced(other, revisionId) &&
            other.start < annotation.end &&
            other.end > annotation.start,
        )
        .sort(byPosition),
    [annotations, annotation, placed, revisionId],
  );
  const deniedBy = useMemo(
    () => annotations.filter((other) => other.kind === "DENIAL" && other.deniesId === annotation.id).sort(byPosition),
    [annotations, annotation.id],
  );
  const jump = (id: string) => openAnnotation(id, { scroll: true });
  const name = (other: AnnotationSummary) => `${KIND_LABELS[other.kind]} ${labels.get(other.id)}`;
  const full: AnnotationView | null = isDetailed(annotation) ? annotation : null;

  return (
    <section className={`wb-detail wb-detail-${annotation.kind.toLowerCase()}`} aria-labelledby="wb-panel-heading">
      <header className="wb-detail-head">
        <h2 id="wb-panel-heading" className="wb-panel-title" tabIndex={-1} ref={headingRef}>
          <span className={`wb-chip wb-chip-${annotation.kind.toLowerCase()}`}>{label}</span>{" "}
          {KIND_LABELS[annotation.kind]}
        </h2>
        <span className={`wb-badge wb-badge-${annotation.status.toLowerCase()}`} data-testid="annotation-status">
          <span className="visually-hidden">Status: </span>
          {STATUS_MARKS[annotation.status] && (
            <span className="wb-badge-mark" aria-hidden="true">
              {STATUS_MARKS[annotation.status]}
            </span>
          )}
          {ANNOTATION_STATUS_LABELS[annotation.status]}
        </span>
        <button
          type="button"
          className="wb-close"
          onClick={closePanel}
          aria-label="Close panel"
          aria-keyshortcuts="Escape"
          title="Close (Esc)"
        >
          ×
        </button>
      </header>
      <p className="wb-byline">
        Added by {annotation.createdBy.name} ·{" "}
        {full && (
          <>
            <time dateTime={full.createdAt}>
              {new Date(full.createdAt).toLocaleDateString("en-GB", {
                day: "numeric",
                month: "short",
                year: "numeric",
              })}
            </time>{" "}
            ·{" "}
          </>
        )}
        version {annotation.version} ·{" "}
        {/* Its own audit trail: edits, reviews, and where each revision carried it ("moved in revision 2"). */}
        <a href={`/articles/${annotation.articleId}/audit?annotation=${annotation.id}`}>History</a>
      </p>

      {full && <ReviewActions annotation={full} />}
      {overlapping.length > 0 && (
        <nav className="wb-also" aria-label="Overlapping annotations">
          <span>Also here:</span>
          {overlapping.map((other) => (
            <button
              key={other.id}
              type="button"
              className={`wb-chip-button wb-chip-${other.kind.toLowerCase()}`}
              onClick={() => jump(other.id)}
              aria-label={`Open ${name(other)}`}
            >
              {labels.get(other.id)} <span className="wb-chip-kind">{KIND_LABELS[other.kind]}</span>
            </button>
          ))}
        </nav>
      )}
      {deniedBy.length > 0 && (
        <p className="wb-also">
          <span>Denied by:</span>
          {deniedBy.map((other) => (
            <button
              key={other.id}
              type="button"
              className="wb-chip-button wb-chip-denial"
              onClick={() => jump(other.id)}
              aria-label={`Open ${name(other)}`}
            >
              {labels.get(other.id)} <span className="wb-chip-kind">{other.speaker ?? "Denial"}</span>
            </button>
          ))}
        </p>
      )}

      {!placed && !orphan && (
        <section className="wb-unplaced" aria-label="Needs placement">
          <p>
            <strong>Needs placement.</strong> A revision deleted or rewrote its words: it is not in the text.
          </p>
          <OldWords annotation={annotation} />
          <PlaceOrphan annotation={annotation} selected={selected} />
        </section>
      )}
      {placed && (
        <figure className="wb-quote">
          <blockquote data-testid="annotation-quote">{annotation.quote}</blockquote>
        </figure>
      )}
      <ChangedWords annotation={annotation} />

      {full ? (
        <>
          <AnnotationForm annotation={full} labels={labels} canEdit={canEdit} />
          <SourcesEditor annotation={full} canEdit={canEdit} />
          <ClaimLinks annotation={full} canEdit={canEdit} />
        </>
      ) : (
        <DetailsPending
          failed={Boolean(store.details.failed[annotation.id])}
          onRetry={() => loadDetails(annotation.id)}
        />
      )}
      {annotation.kind !== "ANALYSIS" && placed && (
        <CheckedBefore annotation={annotation} full={full} canEdit={canEdit} />
      )}
      <CommentThread annotationId={annotation.id} />
      {full && mayDelete(permissions, actor, full) && (
        <DeleteAnnotation annotation={full} label={`${KIND_LABELS[full.kind].toLowerCase()} ${label}`} />
      )}
    </section>
  );
}

/** Where the form and sources will be: their details are being read, or could not be (with a retry). */
function DetailsPending({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  if (failed)
    return (
      <p className="wb-error" role="alert" data-testid="annotation-details-failed">
        Could not load its note, sources and review.{" "}
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  return (
    <p className="wb-hint" aria-busy="true" data-testid="annotation-details-loading">
      Loading its note, sources and review…
    </p>
  );
}
