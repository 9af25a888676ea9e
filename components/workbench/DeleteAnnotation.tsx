"use client";

import { useEffect, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/views/article-view";
import { currentAnnotation, deleteAnnotation, isConflict, problem } from "./requests";
import { useWorkbenchActions } from "./state/WorkbenchProvider";

type Props = { annotation: AnnotationView; label: string };

/** Delete with an inline confirmation, only at the version on screen (a changed annotation is reviewed first). */
export function DeleteAnnotation({ annotation, label }: Props) {
  const { replace: onReplace, remove: onRemove } = useWorkbenchActions();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [theirs, setTheirs] = useState<AnnotationView | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function remove() {
    setBusy(true);
    setError("");
    try {
      await deleteAnnotation(annotation.id, annotation.version);
      onRemove(annotation.id, "Deleted");
    } catch (failure) {
      if (isConflict(failure)) {
        const current = await currentAnnotation(annotation.id).catch(() => null);
        if (current) {
          setTheirs(current);
          setError("Someone changed this since you opened it. Look at their version before deleting it.");
        } else onRemove(annotation.id, "Already deleted by someone else");
      } else setError(problem(failure));
      setBusy(false);
    }
  }

  return (
    <div className="wb-delete">
      {confirming ? (
        <div className="wb-confirm" role="group" aria-label={`Confirm deleting ${label}`}>
          <p>
            Delete {label} and its {annotation.sources.length === 1 ? "source" : `${annotation.sources.length} sources`}
            ? This cannot be undone.
          </p>
          <button type="button" ref={confirmRef} className="button small danger" onClick={remove} disabled={busy}>
            {busy ? "Deleting…" : `Yes, delete ${label}`}
          </button>{" "}
          <button type="button" className="button small" onClick={() => setConfirming(false)} disabled={busy}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button small danger" onClick={() => setConfirming(true)}>
          Delete {label}
        </button>
      )}
      {error && (
        <div className="wb-error" role="alert">
          <p>{error}</p>
          {theirs && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                onReplace(theirs, "Loaded their version");
                setTheirs(null);
                setError("");
                setConfirming(false);
              }}
            >
              Load their version
            </button>
          )}
        </div>
      )}
    </div>
  );
}
