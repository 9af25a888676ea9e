"use client";

import { useEffect, useRef, useState } from "react";
import type { AnnotationView, SourceView } from "@/lib/views/article-view";
import { emptySource, sourceDraftFrom, today } from "./drafts";
import { ApiError } from "../api-client";
import { addSource, currentAnnotation, isConflict, problem, removeSource, updateSource } from "./requests";
import { SourceForm } from "./SourceForm";
import { useWorkbenchActions } from "./state/WorkbenchProvider";

type Props = { annotation: AnnotationView; canEdit: boolean };

/** The annotation's sources: each added, edited, moved or removed by its own request, answered with the whole annotation. */
export function SourcesEditor({ annotation, canEdit }: Props) {
  const { replace: onReplace } = useWorkbenchActions();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRefs = useRef(new Map<string, HTMLButtonElement>());
  // Where focus goes once a source form closes (Esc, Cancel, Done, saved): back to the button that opened it, never the page body.
  const [returnTo, setReturnTo] = useState<{ to: string; serial: number }>({ to: "", serial: 0 });
  useEffect(() => {
    if (!returnTo.serial) return;
    (returnTo.to === "add" ? addRef.current : editRefs.current.get(returnTo.to))?.focus();
  }, [returnTo]);
  const closeForm = (to: string) => {
    if (to === "add") setAdding(false);
    else setEditing(null);
    setReturnTo((previous) => ({ to, serial: previous.serial + 1 }));
  };
  const sources = annotation.sources;

  async function act(source: SourceView, run: () => Promise<AnnotationView>, message: string, focusHeading = false) {
    if (busy) return;
    setBusy(source.id);
    setError("");
    try {
      onReplace(await run(), message);
      if (focusHeading) headingRef.current?.focus();
    } catch (failure) {
      setError(problem(failure));
    } finally {
      setBusy(null);
    }
  }

  /**
   * Someone else changed the annotation since this panel last heard of it (409): show their
   * version and say so where the user acted. Text typed into a source form stays in it, and
   * acting again applies to the version now shown (so a removal is asked for twice).
   */
  async function showTheirs(failure: unknown, then: string): Promise<never> {
    if (!isConflict(failure)) throw failure;
    const sent = (failure as ApiError).details.current as AnnotationView | undefined;
    const theirs = sent ?? (await currentAnnotation(annotation.id).catch(() => null));
    if (theirs) onReplace(theirs, "Loaded their version");
    throw new ApiError(
      409,
      "CONFLICT",
      `Someone else changed this annotation just now; their version is shown. ${then}`,
    );
  }

  const move = (source: SourceView, index: number, step: -1 | 1) => {
    const to = index + step;
    if (to < 0 || to >= sources.length) return;
    void act(
      source,
      () =>
        updateSource(source.id, { position: to, version: annotation.version }).catch((failure) =>
          showTheirs(failure, "Move it again if you still want to."),
        ),
      `Source moved ${step < 0 ? "up" : "down"}`,
    );
  };

  return (
    <section className="wb-sources" aria-labelledby="wb-sources-heading">
      <h3 id="wb-sources-heading" tabIndex={-1} ref={headingRef}>
        Sources <span className="muted">({sources.length})</span>
      </h3>
      {canEdit && annotation.status === "APPROVED" && (
        <p className="wb-hint">
          Approved: adding, editing, moving or removing a source sends it back to draft for review.
        </p>
      )}
      {sources.length === 0 && !adding && (
        <p className="wb-hint">No sources yet.{canEdit && " Add the documents and statements this check rests on."}</p>
      )}
      {error && (
        <p className="wb-error" role="alert">
          {error}
        </p>
      )}
      {sources.length > 0 && (
        <ol className="wb-source-list" data-testid="source-list">
          {sources.map((source, index) => (
            <li key={source.id} className="wb-source" aria-busy={busy === source.id}>
              {editing === source.id ? (
                <SourceForm
                  idPrefix={`wb-source-${source.id}`}
                  initial={sourceDraftFrom(source)}
                  submitLabel="Save source"
                  onSubmit={async (body) => {
                    const saved = await updateSource(source.id, { ...body, version: annotation.version }).catch(
                      (failure) =>
                        showTheirs(
                          failure,
                          "Your edit is still in the form: check theirs, then save again to apply it.",
                        ),
                    );
                    onReplace(saved, "Source saved");
                    closeForm(source.id);
                  }}
                  onCancel={() => closeForm(source.id)}
                />
              ) : (
                <SourceCard source={source} index={index} />
              )}
              {canEdit && editing !== source.id && (
                <div className="wb-source-actions">
                  <button
                    type="button"
                    className="wb-icon"
                    aria-label={`Move source ${index + 1} up`}
                    aria-disabled={index === 0}
                    onClick={() => move(source, index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="wb-icon"
                    aria-label={`Move source ${index + 1} down`}
                    aria-disabled={index === sources.length - 1}
                    onClick={() => move(source, index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Edit source ${index + 1}`}
                    ref={(button) => {
                      if (button) editRefs.current.set(source.id, button);
                      else editRefs.current.delete(source.id);
                    }}
                    onClick={() => setEditing(source.id)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={`Remove source ${index + 1}`}
                    onClick={() =>
                      act(
                        source,
                        () =>
                          removeSource(source.id, annotation.version).catch((failure) =>
                            showTheirs(failure, "Check it, then remove it again if you still want to."),
                          ),
                        "Source removed",
                        true,
                      )
                    }
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit &&
        (adding ? (
          <SourceForm
            idPrefix="wb-new-source"
            initial={{ ...emptySource(), accessedAt: today() }}
            resetTo={{ ...emptySource(), accessedAt: today() }}
            submitLabel="Add source"
            cancelLabel="Done"
            onSubmit={async (body) => onReplace(await addSource(annotation.id, body), "Source added")}
            onCancel={() => closeForm("add")}
          />
        ) : (
          <button type="button" className="button small wb-add-source" ref={addRef} onClick={() => setAdding(true)}>
            + Add a source
          </button>
        ))}
    </section>
  );
}

function SourceCard({ source, index }: { source: SourceView; index: number }) {
  let host = source.url;
  try {
    host = new URL(source.url).host;
  } catch {
    // Stored URLs are validated; show it as is if not.
  }
  const accessed = source.accessedAt
    ? new Date(source.accessedAt).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      })
    : null;
  return (
    <div className="wb-source-card">
      <span className="wb-source-n" aria-hidden="true">
        {index + 1}
      </span>
      <div className="wb-source-body">
        <a className="wb-source-title" href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title ?? source.url}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        <span className="wb-source-meta">
          {[source.publisher, source.title ? host : null, accessed && `accessed ${accessed}`]
            .filter(Boolean)
            .join(" · ")}
          {source.archiveUrl && (
            <>
              {" · "}
              <a href={source.archiveUrl} target="_blank" rel="noopener noreferrer">
                archived copy
              </a>
            </>
          )}
        </span>
        {source.quote && <blockquote className="wb-source-quote">{source.quote}</blockquote>}
      </div>
    </div>
  );
}
