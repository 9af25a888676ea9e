"use client";

import { useState } from "react";
import { KIND_LABELS, VERDICT_SCALE } from "@/lib/domain/annotation";
import type { AnnotationSummary } from "@/lib/views/article-view";
import { IndexPager } from "./IndexPager";
import { pageOf } from "./index-list";
import type { Span } from "./offsets";
import { PlaceOrphan } from "./PlaceOrphan";
import { useWorkbench } from "./state/WorkbenchProvider";

/** Unplaced annotations per page of the tray: each carries its context and buttons, so fewer than the list's 50. */
const TRAY_PAGE = 20;

/**
 * The "Needs placement" tray: annotations whose words a revision deleted or rewrote beyond recognition. They are
 * never drawn in the text (their offsets are into an older revision); each shows its old words in their context, and
 * an editor places it on the right words or leaves it unplaced (the claim was removed): that folds it away.
 */
export function NeedsPlacement({ unplaced, selected }: { unplaced: AnnotationSummary[]; selected: Span | null }) {
  const { store, setIndexView, openAnnotation } = useWorkbench();
  const view = store.indexView;
  const [page, setPage] = useState(1);
  const left = new Set(view.left ?? []);
  if (unplaced.length === 0) return null;
  const waiting = unplaced.filter((annotation) => !left.has(annotation.id));
  // A revision that rewrote much of an article can leave hundreds: a page at a time, as the list below.
  const shown = pageOf(waiting, page, TRAY_PAGE);
  const folded = unplaced.filter((annotation) => left.has(annotation.id));
  const leave = (id: string, yes: boolean) =>
    setIndexView({ ...view, left: yes ? [...left, id] : [...left].filter((other) => other !== id) });

  return (
    <section className="wb-tray" aria-labelledby="wb-tray-heading" data-testid="needs-placement">
      <h3 id="wb-tray-heading">
        Needs placement <span className="muted">({unplaced.length})</span>
      </h3>
      <p className="wb-hint">
        Their words are not in this revision. Select the right words in the article and place each one, or leave it
        unplaced when its words were removed.
      </p>
      <ul className="wb-tray-list">
        {shown.items.map((annotation) => (
          <li key={annotation.id} className="wb-tray-item">
            <TrayEntry annotation={annotation} onOpen={() => openAnnotation(annotation.id, { scroll: false })} />
            <PlaceOrphan annotation={annotation} selected={selected} />
            <button type="button" className="button small link" onClick={() => leave(annotation.id, true)}>
              Leave unplaced
            </button>
          </li>
        ))}
      </ul>
      {shown.pages > 1 && (
        <IndexPager page={shown.page} pages={shown.pages} onPage={setPage} label="Needs placement pages" />
      )}
      {folded.length > 0 && (
        <details className="wb-tray-left">
          <summary>Left unplaced ({folded.length})</summary>
          <ul className="wb-tray-list">
            {folded.map((annotation) => (
              <li key={annotation.id} className="wb-tray-item">
                <TrayEntry annotation={annotation} onOpen={() => openAnnotation(annotation.id, { scroll: false })} />
                <button type="button" className="button small link" onClick={() => leave(annotation.id, false)}>
                  Back to the tray
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Label, kind, speaker, verdict and the old words with their context, as they stood in the revision it was last on. */
export function TrayEntry({ annotation, onOpen }: { annotation: AnnotationSummary; onOpen?: () => void }) {
  const kind = annotation.kind.toLowerCase();
  const name = (
    <>
      <span className={`wb-chip wb-chip-${kind}`}>{annotation.label}</span> {KIND_LABELS[annotation.kind]}
    </>
  );
  return (
    <>
      <p className="wb-tray-head">
        {onOpen ? (
          <button type="button" className="button small link" onClick={onOpen}>
            {name}
          </button>
        ) : (
          name
        )}
        {annotation.speaker && <span> · {annotation.speaker}</span>}
        {annotation.verdict && <span className="wb-verdict-tag">{VERDICT_SCALE[annotation.verdict].label}</span>}
      </p>
      <OldWords annotation={annotation} />
    </>
  );
}

/** An unplaced annotation's words with the context they had in the revision it was last on, the words in bold. */
export function OldWords({ annotation }: { annotation: AnnotationSummary }) {
  return (
    <p className="wb-tray-quote">
      <span className="visually-hidden">Old words, in their context: </span>
      <span className="muted">…{annotation.prefix}</span>
      <strong>{annotation.quote}</strong>
      <span className="muted">{annotation.suffix}…</span>
    </p>
  );
}
