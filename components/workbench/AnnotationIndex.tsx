import { useMemo } from "react";
import { KIND_LABELS, VERDICT_SCALE } from "@/lib/domain/annotation";
import { IndexPager } from "./IndexPager";
import { matching, pageOf, searchText } from "./index-list";
import { byPosition, excerpt } from "./model";
import { NeedsPlacement } from "./NeedsPlacement";
import type { Span } from "./offsets";
import { splitPlaced } from "./revisions";
import { ANNOTATION_STATUS_LABELS, STATUS_MARKS } from "./status";
import { useWorkbench } from "./state/WorkbenchProvider";

/**
 * The panel when nothing is open: the annotations in reading order, a page at a time with a search over them (the
 * page's size, and its cost, stay the same however many there are; J and K still walk all of them in the text), or
 * how to make the first; then any deleted by others while this user had unsaved text in them.
 */
export function AnnotationIndex({ selected }: { selected: Span | null }) {
  const { store, article, labels, canCreate, openAnnotation, setIndexView: onView } = useWorkbench();
  const { work: unsaved } = store.data;
  // The list is the text's: unplaced annotations wait in the tray above it.
  const { placed: annotations, unplaced } = useMemo(
    () => splitPlaced(store.data.annotations, article.revision.id),
    [store.data.annotations, article.revision.id],
  );
  // The search and page are kept in the workbench's state while an annotation is open: Esc returns to where the list was left.
  const view = store.indexView;
  const orphans = useMemo(() => Object.values(store.data.orphans), [store.data.orphans]);
  const onOpen = (id: string) => openAnnotation(id, { scroll: true });
  const ordered = useMemo(() => [...annotations].sort(byPosition), [annotations]);
  const found = useMemo(
    () => matching(ordered, view.query, (annotation) => searchText(annotation, labels.get(annotation.id) ?? "")),
    [ordered, view.query, labels],
  );
  const shown = pageOf(found, view.page);
  const count = (value: number) => value.toLocaleString("en");
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
      <NeedsPlacement unplaced={unplaced} selected={selected} />
      <h2 className="wb-panel-title">
        Annotations {annotations.length > 0 && <span className="muted">({count(annotations.length)})</span>}
      </h2>
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
          <div className="wb-index-search" role="search">
            <label htmlFor="wb-index-query">Find</label>
            <input
              id="wb-index-query"
              type="search"
              value={view.query}
              placeholder="Label, quote, speaker, verdict or status"
              autoComplete="off"
              onChange={(event) => onView({ ...view, query: event.target.value, page: 1 })}
            />
          </div>
          <p className="wb-index-count" aria-live="polite" id="wb-index-count">
            {found.length === 0
              ? `No annotation matches “${view.query.trim()}”`
              : `${view.query.trim() ? `${count(found.length)} found, showing` : "Showing"} ${count(shown.first)}–${count(shown.last)} of ${count(found.length)}`}
          </p>
          <ol className="wb-index-list" start={shown.first} aria-describedby="wb-index-count">
            {shown.items.map((annotation) => (
              <li key={annotation.id}>
                <button type="button" className="wb-index-item" onClick={() => onOpen(annotation.id)}>
                  <span className={`wb-chip wb-chip-${annotation.kind.toLowerCase()}`}>
                    {labels.get(annotation.id)}
                  </span>
                  <span className="wb-index-text">
                    <span className="visually-hidden">{KIND_LABELS[annotation.kind]}: </span>“
                    {excerpt(annotation.quote, 90)}”
                    <span className="wb-index-meta">
                      <span className={`wb-index-status wb-index-status-${annotation.status.toLowerCase()}`}>
                        {STATUS_MARKS[annotation.status] && (
                          <span aria-hidden="true">{STATUS_MARKS[annotation.status]} </span>
                        )}
                        {ANNOTATION_STATUS_LABELS[annotation.status]}
                      </span>
                      {annotation.speaker && <span>{annotation.speaker}</span>}
                      {annotation.verdict && (
                        <span className="wb-verdict-tag">{VERDICT_SCALE[annotation.verdict].label}</span>
                      )}
                      {annotation.anchor.status === "CHANGED" && (
                        <span className="wb-changed-tag">
                          <span aria-hidden="true">Δ </span>Words changed
                        </span>
                      )}
                      {unsaved[annotation.id]?.draft && <span className="wb-unsaved">unsaved changes</span>}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {shown.pages > 1 && (
            <IndexPager page={shown.page} pages={shown.pages} onPage={(page) => onView({ ...view, page })} />
          )}
        </>
      )}
    </div>
  );
}
