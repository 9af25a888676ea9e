"use client";

import { useEffect, useRef, useState } from "react";
import { NewRevisionForm, type RevisionDraft } from "./NewRevisionForm";
import { useWorkbench } from "./state/WorkbenchProvider";

const EMPTY: RevisionDraft = { format: "text", body: "", note: "" };

/**
 * "New revision": the article changed at its source. Editors and up may add one; on a signed-off article only those
 * who may reopen it (reviewers, admins), since the revision reopens it. The form is in a modal dialog, rendered only
 * while it is open (its fields are then the page's only ones with those names), and what was typed is kept here when
 * it closes; the outcome stays beside the button until the next one.
 */
export function NewRevision() {
  const { permissions } = useWorkbench();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RevisionDraft>(EMPTY);
  const [outcome, setOutcome] = useState("");

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  const allowed = permissions.create && (!permissions.locked || permissions.reopen);
  if (!allowed) return null;
  const close = () => dialog.current?.close();
  return (
    <div className="wb-new-revision">
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        New revision
      </button>
      {/* Announced by the workbench's notice already (no second live region: the page has one status); this line stays. */}
      {outcome && (
        <p className="wb-revision-outcome" data-testid="revision-outcome">
          {outcome}
        </p>
      )}
      <dialog ref={dialog} className="wb-dialog" aria-labelledby="wb-revision-title" onClose={() => setOpen(false)}>
        {open && (
          <>
            <div className="wb-dialog-head">
              <h2 id="wb-revision-title">New revision</h2>
              <button type="button" className="wb-close" onClick={close} aria-label="Close" title="Close (Esc)">
                ×
              </button>
            </div>
            <NewRevisionForm
              reopens={permissions.locked}
              draft={draft}
              onDraft={setDraft}
              onDone={(summary) => {
                setOutcome(summary);
                setDraft(EMPTY);
                close();
              }}
            />
          </>
        )}
      </dialog>
    </div>
  );
}
