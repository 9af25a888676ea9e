"use client";

import { CommentComposer } from "./CommentComposer";
import { CommentItem } from "./CommentItem";
import { useCommentThread } from "./useCommentThread";

/**
 * The discussion under an annotation: anyone who may read it may comment;
 * authors edit and delete their own words, admins may delete anyone's
 * (moderation). The server checks all of it; hiding buttons here is only a
 * courtesy. State and requests: useCommentThread.
 */
export function CommentThread({ annotationId }: { annotationId: string }) {
  const { model: thread, headingRef, editRef, composerRef } = useCommentThread(annotationId);
  const { comments, loadError, notice, canComment } = thread;
  const count = comments?.length ?? 0;
  const headingId = `wb-comments-heading-${annotationId}`;

  return (
    <section className="wb-comments" aria-labelledby={headingId} data-testid="comment-thread">
      <h3 id={headingId} tabIndex={-1} ref={headingRef}>
        Comments {comments && <span className="muted">({count})</span>}
      </h3>
      {/* Not role="status": the workbench has one for its own announcements. */}
      <p className="visually-hidden" aria-live="polite">
        {thread.spoken}
      </p>
      {comments === null && !loadError && <p className="wb-hint">Loading comments…</p>}
      {loadError && (
        <div className="wb-error" role="alert">
          <p>Could not load the comments. {loadError}</p>
          <button type="button" className="button small" onClick={() => void thread.reload()}>
            Try again
          </button>
        </div>
      )}
      {comments && count === 0 && (
        <p className="wb-hint">
          No comments yet.{canComment && " Ask a question or leave a note for the others working on it."}
        </p>
      )}
      {notice && notice.id === null && (
        <p className="wb-error" role="alert">
          {notice.text}
        </p>
      )}

      {comments && count > 0 && (
        <ol className="wb-comment-list" data-testid="comment-list">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} thread={thread} editRef={editRef} />
          ))}
        </ol>
      )}

      <CommentComposer annotationId={annotationId} thread={thread} composerRef={composerRef} />
    </section>
  );
}
