"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { AnnotationView } from "@/lib/views/article-view";
import { fieldMessage } from "../api-client";
import { mayJudge, maySubmit, type WorkbenchActor, type WorkbenchPermissions } from "./access";
import { useWorkbench } from "./state/WorkbenchProvider";
import { isOutOfDate, problem, reviewAnnotation, submitAnnotation } from "./requests";
import { FormActions } from "./FormActions";
import { RequiredReason } from "./RequiredReason";

type Busy = "submit" | "approve" | "next" | "request" | null;

/**
 * Where the annotation stands in the four-eyes review, and the one or two
 * things this user can do about it: submit it, or (someone else's, submitted)
 * approve it or send it back with a note.
 */
export function ReviewActions({ annotation }: { annotation: AnnotationView }) {
  const { store, actor, permissions, replace: onReplace, refresh: onRefresh, reviewNext: onNext } = useWorkbench();
  // Typed but unsaved changes: a review covers what is saved, so they come first.
  const unsaved = Boolean(store.data.work[annotation.id]?.draft);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState("");
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState("");
  const stateRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  const canSubmit = maySubmit(permissions, actor, annotation);
  const canJudge = mayJudge(permissions, actor, annotation);
  const blocked = unsaved && (canSubmit || canJudge);

  // Opening the note form puts the cursor in it.
  useEffect(() => {
    if (asking) noteRef.current?.focus();
  }, [asking]);

  async function run(
    kind: Exclude<Busy, null>,
    request: () => Promise<AnnotationView>,
    message: string,
    then?: () => void,
  ) {
    if (busy || blocked) return;
    setBusy(kind);
    setError("");
    try {
      const view = await request();
      onReplace(view, message);
      setAsking(false);
      setNote("");
      setNoteError("");
      // The button just pressed goes away with the old status: focus the new state instead of losing it.
      stateRef.current?.focus();
      if (kind === "submit") await onRefresh();
      then?.();
    } catch (failure) {
      const forNote = fieldMessage(failure, "note");
      if (forNote) {
        setNoteError(forNote);
        noteRef.current?.focus();
      } else setError(problem(failure) + (isOutOfDate(failure) ? " The panel now shows where it stands." : ""));
      if (isOutOfDate(failure)) await onRefresh();
    } finally {
      setBusy(null);
    }
  }

  const submit = () => run("submit", () => submitAnnotation(annotation.id, annotation.version), "Submitted for review");
  const approveRequest = () => reviewAnnotation(annotation.id, { decision: "APPROVE", version: annotation.version });
  const approve = () => run("approve", approveRequest, "Approved");
  const approveAndNext = () => run("next", approveRequest, "Approved", () => onNext(annotation.id));

  function requestChanges(event: FormEvent) {
    event.preventDefault();
    const text = note.trim();
    if (!text) {
      setNoteError("Say what needs to change: the author reads this.");
      noteRef.current?.focus();
      return;
    }
    setNoteError("");
    void run(
      "request",
      () => reviewAnnotation(annotation.id, { decision: "REQUEST_CHANGES", note: text, version: annotation.version }),
      "Changes requested",
    );
  }

  function cancelAsking() {
    setAsking(false);
    setNoteError("");
    askRef.current?.focus();
  }

  function noteKeys(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      // Closes this little form only, not the whole panel; the text is kept for next time.
      event.preventDefault();
      event.stopPropagation();
      cancelAsking();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      requestChanges(event);
    }
  }

  const showActions = (canSubmit || canJudge) && !asking;
  return (
    <section
      className={`wb-workflow wb-workflow-${annotation.status.toLowerCase()}`}
      aria-label="Review"
      data-testid="review-box"
    >
      <div className="wb-workflow-state" tabIndex={-1} ref={stateRef}>
        <State
          annotation={annotation}
          actor={actor}
          permissions={permissions}
          canSubmit={canSubmit}
          canJudge={canJudge}
        />
      </div>

      {showActions && (
        <div className="wb-workflow-actions">
          {canSubmit && (
            <button
              type="button"
              className="button primary"
              onClick={submit}
              aria-disabled={blocked || undefined}
              aria-describedby={blocked ? "wb-review-unsaved" : undefined}
            >
              {busy === "submit" ? "Submitting…" : "Submit for review"}
            </button>
          )}
          {canJudge && (
            <>
              <button
                type="button"
                className="button primary"
                onClick={approve}
                aria-disabled={blocked || undefined}
                aria-describedby={blocked ? "wb-review-unsaved" : undefined}
              >
                {busy === "approve" ? "Approving…" : "Approve"}
              </button>
              <button
                type="button"
                className="button"
                onClick={approveAndNext}
                aria-disabled={blocked || undefined}
                aria-describedby={blocked ? "wb-review-unsaved" : undefined}
              >
                {busy === "next" ? "Approving…" : "Approve and next"}
              </button>
              <button
                type="button"
                className="button"
                ref={askRef}
                onClick={() => setAsking(true)}
                disabled={busy !== null}
              >
                Request changes
              </button>
            </>
          )}
        </div>
      )}
      {blocked && !asking && (
        <p id="wb-review-unsaved" className="wb-hint">
          Save or discard your changes first: a review covers what is saved.
        </p>
      )}

      {asking && canJudge && (
        <form className="wb-ask" onSubmit={requestChanges} noValidate aria-busy={busy === "request"}>
          <RequiredReason
            id="wb-ask-note"
            label="What needs to change?"
            hint={`${annotation.createdBy.name} sees this note until they submit it again.`}
            value={note}
            error={noteError}
            setValue={setNote}
            setError={setNoteError}
            textareaRef={noteRef}
            rows={3}
            placeholder="e.g. The rationale needs a primary source for the figure."
            onKeyDown={noteKeys}
          />
          <FormActions
            busy={busy !== null}
            label="Send back with this note"
            busyLabel="Sending…"
            onCancel={cancelAsking}
          />
        </form>
      )}

      {error && (
        <p className="wb-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function State({
  annotation,
  actor,
  permissions,
  canSubmit,
  canJudge,
}: {
  annotation: AnnotationView;
  actor: WorkbenchActor;
  permissions: WorkbenchPermissions;
  canSubmit: boolean;
  canJudge: boolean;
}) {
  const review = annotation.lastReview;
  const isAuthor = annotation.createdBy.id === actor.id;
  const isEditor = annotation.editorIds.includes(actor.id);
  switch (annotation.status) {
    case "CHANGES_REQUESTED":
      return (
        <>
          <p className="wb-requested" data-testid="changes-requested">
            <strong>Changes requested by {review?.reviewer.name ?? "a reviewer"}:</strong>{" "}
            <span className="wb-requested-note">“{review?.note ?? "no note given"}”</span>
          </p>
          <p className="wb-hint" data-testid="next-step">
            <NextStep annotation={annotation} actor={actor} permissions={permissions} canSubmit={canSubmit} />
          </p>
        </>
      );
    case "SUBMITTED":
      if (isAuthor || isEditor)
        return (
          <>
            <p>
              <strong>Waiting for review by someone else.</strong>
            </p>
            {permissions.review && (
              <p className="wb-hint">
                {isAuthor ? "You wrote it" : "You changed its substance"}, so another reviewer approves it (four-eyes
                rule).
              </p>
            )}
          </>
        );
      return (
        <p>
          <strong>Submitted</strong> by {annotation.createdBy.name}
          {canJudge ? ": read it through, then approve it or send it back." : ", waiting for a reviewer."}
        </p>
      );
    case "APPROVED":
      return (
        <p>
          <strong>Approved</strong>
          {review?.decision === "APPROVED" && <> by {review.reviewer.name}</>}
          {review?.decision === "APPROVED" && review.note ? <>: “{review.note}”</> : "."}
        </p>
      );
    case "ORPHANED":
      return (
        <p>
          <strong>Orphaned:</strong> its text changed in a new revision. Edit it to make it a draft again, then submit
          it.
        </p>
      );
    default:
      if (review?.decision === "APPROVED")
        return (
          <p>
            <strong>Back to draft:</strong> an approved annotation needs review again after a change of substance.
          </p>
        );
      return (
        <p>
          {canSubmit ? (
            <>Draft: not sent for review yet. When it is ready, submit it; someone else reviews it.</>
          ) : (
            <>Draft: not sent for review yet.</>
          )}
        </p>
      );
  }
}

/** After changes were requested, what this person does next: each role reads its own part. */
function NextStep({
  annotation,
  actor,
  permissions,
  canSubmit,
}: {
  annotation: AnnotationView;
  actor: WorkbenchActor;
  permissions: WorkbenchPermissions;
  canSubmit: boolean;
}) {
  const author = annotation.createdBy.id === actor.id ? "you" : annotation.createdBy.name;
  if (canSubmit)
    return (
      <>
        Make the changes, save, then submit it again{author === "you" ? "" : ` (${annotation.createdBy.name} wrote it)`}
        .
      </>
    );
  if (annotation.lastReview?.reviewer.id === actor.id)
    return (
      <>
        You sent it back to {author}. Nothing to do now: they make the changes and submit it again, and it then returns
        to the review queue.
      </>
    );
  if (permissions.review) return <>Waiting for {author} to make the changes and submit it again; review it then.</>;
  return <>Waiting for {author} to make the changes and submit it again.</>;
}
