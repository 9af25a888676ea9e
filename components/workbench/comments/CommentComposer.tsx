"use client";

import type { KeyboardEvent, RefObject } from "react";
import { Field } from "../Field";
import { FormActions } from "../FormActions";
import type { CommentThreadModel } from "./useCommentThread";

/** The box for a new comment; on a signed-off article, a button that asks for it first. */
export function CommentComposer({
  annotationId,
  thread,
  composerRef,
}: {
  annotationId: string;
  thread: CommentThreadModel;
  composerRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { showComposer, canComment, locked, text, bodyError, postError, posting } = thread;

  function keys(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void thread.post();
    }
  }

  if (!showComposer)
    return canComment ? (
      <button type="button" className="button small" onClick={thread.compose}>
        Add a comment
      </button>
    ) : null;

  return (
    <form
      className="wb-comment-form wb-comment-new"
      onSubmit={(event) => void thread.post(event)}
      noValidate
      aria-busy={posting}
    >
      {locked && <p className="wb-hint">The article is signed off, but its discussion stays open.</p>}
      <Field
        id={`wb-comment-new-${annotationId}`}
        label="Add a comment"
        error={bodyError}
        hint={
          <>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> posts.
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            ref={composerRef}
            rows={3}
            value={text}
            onChange={(event) => thread.typeNew(event.target.value)}
            onKeyDown={keys}
            placeholder="A question, a lead, a doubt…"
          />
        )}
      </Field>
      {postError && (
        <p className="wb-error" role="alert">
          {postError}
        </p>
      )}
      <FormActions busy={posting} label="Comment" busyLabel="Posting…" small />
    </form>
  );
}
