"use client";

import { useEffect, useRef } from "react";
import type { AnnotationView } from "@/lib/views/article-view";
import { changedFields, describeField, draftFrom, FIELD_LABELS, type AnnotationDraft } from "./drafts";

type Describe = (id: string) => string;

/**
 * A save refused because someone else saved first (409), or the live stream
 * saying so before the user even saves (`by`: who changed or deleted it).
 * Nothing is lost: the user's text stays in the form until they choose to load
 * the other version, and even then it stays on screen (KeptText).
 */
export function ConflictNotice({
  theirs,
  draft,
  claimName,
  by,
  onLoad,
  onClose,
}: {
  theirs: AnnotationView | null;
  draft: AnnotationDraft;
  claimName: Describe;
  by?: string;
  onLoad: (theirs: AnnotationView) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const live = by !== undefined;
  // The Save button is at the bottom of a long panel: bring the news up to where the user looks (live news arrives mid-typing, so it does not move the form).
  useEffect(() => {
    if (!live) ref.current?.scrollIntoView({ block: "nearest" });
  }, [theirs, live]);
  if (!theirs) {
    return (
      <div className="wb-conflict" role="alert" ref={ref} data-testid="conflict-notice">
        {live ? (
          <p>
            <strong>This annotation was deleted by {by}.</strong> Your text below was not saved and cannot be now: copy
            anything you need from the form, then close it.
          </p>
        ) : (
          <p>
            <strong>Someone deleted this annotation since you opened it.</strong> Your changes were not saved; copy
            anything you need from the form, then close it.
          </p>
        )}
        <button type="button" className="button small" onClick={onClose}>
          Close it
        </button>
      </div>
    );
  }
  const fields = changedFields(draft, theirs);
  return (
    <div className="wb-conflict" role="alert" ref={ref} data-testid="conflict-notice">
      <p>
        <strong>
          {live
            ? `${by} changed this annotation while you were editing — review before saving.`
            : "Someone changed this since you opened it."}
        </strong>{" "}
        Your changes are not saved yet. Their version is {theirs.version}
        {fields.length > 0 ? "; where it differs from your text:" : "."}
      </p>
      {fields.length > 0 && (
        <table className="wb-diff">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Theirs</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{FIELD_LABELS[field]}</th>
                <td>{describeField(field, draftFrom(theirs)[field], claimName)}</td>
                <td>{describeField(field, draft[field], claimName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button small" onClick={() => onLoad(theirs)}>
        Load their version
      </button>
      <span className="wb-hint"> Your text stays visible so you can reapply it.</span>
    </div>
  );
}

/** Typed text that can no longer be saved (the article was signed off meanwhile): on screen to copy, until the article is reopened. */
export function UnsavedText({
  draft,
  annotation,
  claimName,
}: {
  draft: AnnotationDraft;
  annotation: AnnotationView;
  claimName: Describe;
}) {
  const fields = changedFields(draft, annotation);
  if (fields.length === 0) return null;
  return (
    <section className="wb-kept" aria-labelledby="wb-unsaved-heading">
      <h3 id="wb-unsaved-heading">Your unsaved text</h3>
      <p className="wb-hint">It was not saved, and cannot be while the article is read-only. Copy what you need.</p>
      <dl>
        {fields.map((field) => (
          <div key={field} className="wb-kept-row">
            <dt>{FIELD_LABELS[field]}</dt>
            <dd>
              <span className="wb-kept-value">{describeField(field, draft[field], claimName)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The user's text from before they loaded someone else's version, field by field, each one reusable. */
export function KeptText({
  kept,
  annotation,
  claimName,
  onUse,
  onDismiss,
}: {
  kept: AnnotationDraft;
  annotation: AnnotationView;
  claimName: Describe;
  onUse: (field: keyof AnnotationDraft) => void;
  onDismiss: () => void;
}) {
  const fields = changedFields(kept, annotation);
  return (
    <section className="wb-kept" aria-labelledby="wb-kept-heading">
      <h3 id="wb-kept-heading">Your unsaved text</h3>
      {fields.length === 0 ? (
        <p className="wb-hint">Their version already matches everything you had typed.</p>
      ) : (
        <dl>
          {fields.map((field) => (
            <div key={field} className="wb-kept-row">
              <dt>{FIELD_LABELS[field]}</dt>
              <dd>
                <span className="wb-kept-value">{describeField(field, kept[field], claimName)}</span>
                <button type="button" className="button small" onClick={() => onUse(field)}>
                  Use mine
                </button>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" className="button small link" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
