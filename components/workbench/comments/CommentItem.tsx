"use client";

import type { KeyboardEvent, RefObject } from "react";
import type { CommentView } from "@/lib/views/comment-view";
import { Field } from "../Field";
import { FormActions } from "../FormActions";
import { absolute, ago } from "./comment-text";
import type { CommentThreadModel, Editing } from "./useCommentThread";

/** One comment: who and when, its text (or the box editing it), and what this user may do with it. */
export function CommentItem({
  comment,
  thread,
  editRef,
}: {
  comment: CommentView;
  thread: CommentThreadModel;
  editRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { editing, saving, confirming, deleting, notice, canComment, canModerate } = thread;
  const own = comment.author.id === thread.actorId;
  const mayEdit = own && canComment;
  const mayDelete = own ? canComment : canModerate;
  const isEditing = editing?.id === comment.id;
  const whose = own ? "your comment" : `comment by ${comment.author.name}`;
  return (
    <li
      id={`comment-${comment.id}`}
      className={`wb-comment${own ? " is-own" : ""}`}
      aria-busy={(isEditing && saving) || (confirming === comment.id && deleting)}
    >
      <p className="wb-comment-head">
        <span className="wb-comment-author">{comment.author.name}</span>
        {own && <span className="wb-comment-you"> (you)</span>}
        <span aria-hidden="true"> · </span>
        <time dateTime={comment.createdAt} title={absolute(comment.createdAt)}>
          {ago(comment.createdAt, thread.now)}
        </time>
        {comment.edited && (
          <>
            <span aria-hidden="true"> · </span>
            <span
              className="wb-comment-edited"
              title={`Edited ${absolute(comment.updatedAt)}`}
              data-testid="comment-edited"
            >
              edited
            </span>
          </>
        )}
      </p>

      {isEditing && editing ? (
        <CommentEditor comment={comment} editing={editing} thread={thread} editRef={editRef} />
      ) : (
        <p className="wb-comment-body">{comment.body}</p>
      )}

      {notice && notice.id === comment.id && (
        <p className="wb-error" role="alert">
          {notice.text}
        </p>
      )}

      {!isEditing && confirming === comment.id && (
        <div className="wb-confirm" role="group" aria-label={`Confirm deleting ${whose}`}>
          <p>
            {own
              ? "Delete your comment? This cannot be undone."
              : `Delete ${comment.author.name}'s comment? This cannot be undone; the audit log keeps a note of it.`}
          </p>
          <button
            type="button"
            className="button small danger"
            onClick={() => void thread.remove(comment)}
            disabled={deleting}
            autoFocus
          >
            {deleting ? "Deleting…" : "Yes, delete it"}
          </button>{" "}
          <button type="button" className="button small" onClick={() => thread.keepIt(comment)} disabled={deleting}>
            Keep it
          </button>
        </div>
      )}

      {!isEditing && confirming !== comment.id && (mayEdit || mayDelete) && (
        <div className="wb-comment-actions">
          {mayEdit && (
            <button
              type="button"
              id={`wb-comment-edit-${comment.id}`}
              className="button small link"
              aria-label={`Edit ${whose}`}
              onClick={() => thread.startEditing(comment)}
            >
              Edit{thread.hasEditDraft(comment.id) && <span className="wb-unsaved"> (unsaved)</span>}
            </button>
          )}
          {mayDelete && (
            <button
              type="button"
              id={`wb-comment-delete-${comment.id}`}
              className="button small link danger"
              aria-label={`Delete ${whose}`}
              onClick={() => thread.confirm(comment.id)}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Editing one's own comment; a conflict (changed in another tab) shows theirs and keeps ours in the box. */
function CommentEditor({
  comment,
  editing,
  thread,
  editRef,
}: {
  comment: CommentView;
  editing: Editing;
  thread: CommentThreadModel;
  editRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { saving } = thread;
  const version = editing.theirs?.version ?? editing.base;

  function keys(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      // Closes this edit only, not the whole panel; the text is kept for the next Edit.
      event.preventDefault();
      event.stopPropagation();
      thread.stopEditing(false);
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void thread.save(version);
    }
  }

  return (
    <form className="wb-comment-form" onSubmit={(event) => void thread.save(version, event)} noValidate>
      {editing.theirs && (
        <div className="wb-conflict" role="alert">
          <p>
            <strong>This comment was changed since you opened it</strong> (in another tab or window). Your text below is
            not saved yet. It now reads (version {editing.theirs.version}):
          </p>
          <blockquote className="wb-comment-theirs">{editing.theirs.body}</blockquote>
          <button
            type="button"
            className="button small"
            onClick={() => void thread.save(editing.theirs!.version)}
            disabled={saving}
          >
            Save mine over it
          </button>{" "}
          <button type="button" className="button small" onClick={() => thread.stopEditing(true)} disabled={saving}>
            Keep that version
          </button>
        </div>
      )}
      <Field
        id={`wb-comment-edit-text-${comment.id}`}
        label="Edit your comment"
        error={editing.error}
        hint={
          <>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> closes (your text is kept).
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            ref={editRef}
            rows={Math.min(10, Math.max(3, editing.text.split("\n").length + 1))}
            value={editing.text}
            onChange={(event) => thread.typeEdit(comment, event.target.value)}
            onKeyDown={keys}
          />
        )}
      </Field>
      <FormActions
        busy={saving}
        label="Save comment"
        busyLabel="Saving…"
        onCancel={() => thread.stopEditing(true)}
        small
      />
    </form>
  );
}
