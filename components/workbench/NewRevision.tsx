"use client";

import { useRef, useState } from "react";
import { NewRevisionForm } from "./NewRevisionForm";
import { useWorkbench } from "./state/WorkbenchProvider";

/**
 * "New revision": the article changed at its source. Editors and up may add one; on a signed-off article only those
 * who may reopen it (reviewers, admins), since the revision reopens it. The form lives in a modal dialog and keeps
 * what was typed when closed; the outcome stays beside the button until the next one.
 */
export function NewRevision() {
  const { permissions } = useWorkbench();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState("");
  const allowed = permissions.create && (!permissions.locked || permissions.reopen);
  if (!allowed) return null;

  const close = () => dialog.current?.close();
  return (
    <div className="wb-new-revision">
      <button type="button" className="button small" onClick={() => dialog.current?.showModal()}>
        New revision
      </button>
      {/* Announced by the workbench's notice already (no second live region: the page has one status); this line stays. */}
      {outcome && (
        <p className="wb-revision-outcome" data-testid="revision-outcome">
          {outcome}
        </p>
      )}
      <dialog ref={dialog} className="wb-dialog" aria-labelledby="wb-revision-title">
        <div className="wb-dialog-head">
          <h2 id="wb-revision-title">New revision</h2>
          <button type="button" className="wb-close" onClick={close} aria-label="Close" title="Close (Esc)">
            ×
          </button>
        </div>
        <NewRevisionForm
          reopens={permissions.locked}
          onDone={(summary) => {
            setOutcome(summary);
            close();
          }}
        />
      </dialog>
    </div>
  );
}
