import { KIND_LABELS, VERDICT_SCALE } from "@/lib/domain/annotation";
import type { AnnotationView } from "@/lib/server/article-view";
import { byPosition, excerpt } from "./model";
import { ANNOTATION_STATUS_LABELS, STATUS_MARKS } from "./status";
import type { Orphan } from "./live/apply-event";
import type { Work } from "./Workbench";

/** The panel when nothing is open: every annotation in reading order, or how to make the first; then any deleted by others while this user had unsaved text in them. */
export function AnnotationIndex({
  annotations,
  labels,
  unsaved,
  orphans = [],
  canCreate,
  onOpen,
}: {
  annotations: AnnotationView[];
  labels: Map<string, string>;
  unsaved: Record<string, Work>;
  orphans?: Orphan[];
  canCreate: boolean;
  onOpen: (id: string) => void;
}) {
  const ordered = [...annotations].sort(byPosition);
  return (
    <div className="wb-index">
      {orphans.length > 0 && (
        <section className="wb-orphans" aria-labelledby="wb-orphans-heading">
          <h3 id="wb-orphans-heading">Deleted while you were editing</h3>
          <p className="wb-hint">Your unsaved text in these is kept until you close them.</p>
          <ul>
            {orphans.map(({ annotation, label, by }) => (
              <li key={annotation.id}>
                <button type="button" className="button small link" onClick={() => onOpen(annotation.id)}>
                  {label} “{excerpt(annotation.quote, 50)}”
                </button>{" "}
                <span className="muted">deleted by {by}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="wb-panel-title">Annotations {annotations.length > 0 && <span className="muted">({annotations.length})</span>}</h2>
      {ordered.length === 0 ? (
        <div className="wb-empty">
          <p>
            <strong>No annotations yet.</strong>
          </p>
          {canCreate ? (
            <ol>
              <li>Select a sentence in the article, with the mouse or with Shift and the arrow keys.</li>
              <li>
                Press <kbd>C</kbd> for a claim, <kbd>D</kbd> for a denial or <kbd>A</kbd> for analysis.
              </li>
              <li>Fill in the speaker, sources and verdict here.</li>
            </ol>
          ) : (
            <p className="muted">Nobody has annotated this article.</p>
          )}
        </div>
      ) : (
        <>
          <p className="muted wb-hint">Click a highlight or an item below, or press J to start from the top.</p>
          <ol className="wb-index-list">
            {ordered.map((annotation) => (
              <li key={annotation.id}>
                <button type="button" className="wb-index-item" onClick={() => onOpen(annotation.id)}>
                  <span className={`wb-chip wb-chip-${annotation.kind.toLowerCase()}`}>{labels.get(annotation.id)}</span>
                  <span className="wb-index-text">
                    <span className="visually-hidden">{KIND_LABELS[annotation.kind]}: </span>“{excerpt(annotation.quote, 90)}”
                    <span className="wb-index-meta">
                      <span className={`wb-index-status wb-index-status-${annotation.status.toLowerCase()}`}>
                        {STATUS_MARKS[annotation.status] && <span aria-hidden="true">{STATUS_MARKS[annotation.status]} </span>}
                        {ANNOTATION_STATUS_LABELS[annotation.status]}
                      </span>
                      {annotation.speaker && <span>{annotation.speaker}</span>}
                      {annotation.verdict && <span className="wb-verdict-tag">{VERDICT_SCALE[annotation.verdict].label}</span>}
                      {unsaved[annotation.id]?.draft && <span className="wb-unsaved">unsaved changes</span>}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
