"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { can } from "@/lib/domain/permissions";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/comment";
import type { CommentView } from "@/lib/server/comment-view";
import { api, ApiError, fieldMessage } from "../api-client";
import type { WorkbenchActor } from "./access";
import { Field } from "./Field";
import { problem } from "./requests";
import { FormActions } from "./FormActions";

type Props = {
  annotationId: string;
  actor: WorkbenchActor;
  /** The article is signed off: discussion stays open, but the box to write in waits to be asked for. */
  locked?: boolean;
};

const at = (value: string) => encodeURIComponent(value);
const fetchComments = async (annotationId: string) => (await api<{ comments: CommentView[] }>(`/annotations/${at(annotationId)}/comments`)).comments;
const postComment = (annotationId: string, body: string) => api<CommentView>(`/annotations/${at(annotationId)}/comments`, { method: "POST", body: { body } });
const editComment = (id: string, body: string, version: number) => api<CommentView>(`/comments/${at(id)}`, { method: "PATCH", body: { body, version } });
const removeComment = (id: string, version: number) => api<void>(`/comments/${at(id)}?version=${version}`, { method: "DELETE" });

/**
 * Typed, unposted text, kept for the life of the page: closing the panel or
 * opening another annotation does not lose it. Keys: `new:<annotationId>`
 * and `edit:<commentId>`.
 */
const drafts = new Map<string, string>();
const keep = (key: string, text: string) => (text ? drafts.set(key, text) : drafts.delete(key));

const isCode = (error: unknown, status: number, code: string) => error instanceof ApiError && error.status === status && error.code === code;

/** What the client can say before asking the server (which says the same). */
function localBodyError(text: string): string {
  if (!text.trim()) return "must not be empty";
  if (text.trim().length > MAX_COMMENT_LENGTH) return `must be at most ${MAX_COMMENT_LENGTH} characters (now ${text.trim().length})`;
  return "";
}

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
const absolute = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** "just now", "5 minutes ago", "yesterday"; the date itself after a week. */
function ago(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds > -45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (days > -7) return relative.format(days, "day");
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** `base`: the version the edit started from, so a live refresh never turns a stale edit into an overwrite. */
type Editing = { id: string; text: string; error: string; theirs: CommentView | null; base: number };

/**
 * The discussion under an annotation: anyone who may read it may comment;
 * authors edit and delete their own words, admins may delete anyone's
 * (moderation). Read when the panel opens and again after every change.
 * The server checks all of it; hiding buttons here is only a courtesy.
 */
export function CommentThread({ annotationId, actor, locked = false }: Props) {
  const newKey = `new:${annotationId}`;
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [loadError, setLoadError] = useState("");
  const [now, setNow] = useState(0);
  const [text, setText] = useState(() => drafts.get(newKey) ?? "");
  const [bodyError, setBodyError] = useState("");
  const [postError, setPostError] = useState("");
  const [posting, setPosting] = useState(false);
  const [composing, setComposing] = useState(() => drafts.has(newKey));
  const [editing, setEditing] = useState<Editing | null>(null);
  // An element to focus once a render that shows it has been committed (set with the state change that shows it).
  const focusTarget = useRef<string | null>(null);
  const setFocusTarget = (id: string) => {
    focusTarget.current = id;
  };
  useEffect(() => {
    const element = focusTarget.current ? document.getElementById(focusTarget.current) : null;
    if (!element) return;
    element.focus();
    focusTarget.current = null;
  });
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<{ id: string | null; text: string } | null>(null);
  const [spoken, setSpoken] = useState("");
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusComposer = useRef(false);

  const canComment = can(actor.role, "comment:annotation");
  // Mirrors lib/server/delete-comment.ts: deleting others' comments is the admin's (moderation).
  const canModerate = can(actor.role, "delete:comment:others");
  const showComposer = canComment && (!locked || composing);

  // Only the answer to the latest read is shown: an older one arriving late would undo a change.
  const latest = useRef(0);
  const reload = useCallback((): Promise<void> => {
    const serial = ++latest.current;
    return fetchComments(annotationId).then(
      (list) => {
        if (serial !== latest.current) return;
        setComments(list);
        setNow(Date.now());
        setLoadError("");
      },
      (failure: unknown) => {
        if (serial === latest.current) setLoadError(problem(failure));
      },
    );
  }, [annotationId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Live: the workbench's event stream re-broadcasts comment events (components/workbench/live).
  useEffect(() => {
    const onComment = (event: Event) => {
      const detail = (event as CustomEvent<{ annotationId?: string; actor?: { id: string } | null }>).detail;
      // Our own changes are already on screen; only others' need a refresh.
      if (detail?.annotationId === annotationId && detail.actor?.id !== actor.id) void reload();
    };
    window.addEventListener("factmark:comment", onComment);
    return () => window.removeEventListener("factmark:comment", onComment);
  }, [annotationId, actor.id, reload]);

  // Relative times ("5 minutes ago") move on while the panel stays open.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (showComposer && focusComposer.current) {
      focusComposer.current = false;
      composerRef.current?.focus();
    }
  }, [showComposer]);

  const say = (message: string) => setSpoken((previous) => (previous === message ? `${message}\u00a0` : message));

  async function post(event?: FormEvent) {
    event?.preventDefault();
    if (posting) return;
    const local = localBodyError(text);
    setPostError("");
    if (local) {
      setBodyError(local);
      composerRef.current?.focus();
      return;
    }
    setBodyError("");
    setPosting(true);
    try {
      const created = await postComment(annotationId, text);
      setText("");
      keep(newKey, "");
      setComments((previous) => [...(previous ?? []).filter((comment) => comment.id !== created.id), created]);
      setNotice(null);
      say("Comment posted");
      await reload();
    } catch (failure) {
      const forBody = fieldMessage(failure, "body");
      if (forBody) setBodyError(forBody);
      else setPostError(problem(failure));
      composerRef.current?.focus();
    } finally {
      setPosting(false);
    }
  }

  function composerKeys(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  }

  function startEditing(comment: CommentView) {
    setConfirming(null);
    setNotice(null);
    setEditing({ id: comment.id, text: drafts.get(`edit:${comment.id}`) ?? comment.body, error: "", theirs: null, base: comment.version });
    // Into the box, with the cursor at the end of the text, once it is on screen.
    requestAnimationFrame(() => {
      const box = editRef.current;
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  }

  function stopEditing(discard: boolean) {
    if (!editing) return;
    const id = editing.id;
    if (discard) keep(`edit:${id}`, "");
    setEditing(null);
    // Back to the comment's own Edit button, which comes back with the text.
    setFocusTarget(`wb-comment-edit-${id}`);
  }

  async function save(version: number, event?: FormEvent) {
    event?.preventDefault();
    if (!editing || saving) return;
    const local = localBodyError(editing.text);
    if (local) {
      setEditing({ ...editing, error: local });
      editRef.current?.focus();
      return;
    }
    const { id, text: body } = editing;
    setSaving(true);
    try {
      const saved = await editComment(id, body, version);
      keep(`edit:${id}`, "");
      setComments((previous) => previous?.map((comment) => (comment.id === id ? saved : comment)) ?? null);
      setEditing(null);
      say("Comment saved");
      setFocusTarget(`wb-comment-edit-${id}`);
      await reload();
    } catch (failure) {
      if (isCode(failure, 409, "CONFLICT")) {
        // Changed meanwhile (the author's other tab): show theirs, keep ours in the box.
        const theirs = ((failure as ApiError).details.current as CommentView | undefined) ?? null;
        setEditing((current) => current && { ...current, error: "", theirs });
        if (theirs) setComments((previous) => previous?.map((comment) => (comment.id === id ? theirs : comment)) ?? null);
      } else if (isCode(failure, 404, "NOT_FOUND")) {
        // Deleted meanwhile: the text goes to the box for a new comment rather than being lost.
        const moved = text.trim() ? `${text.trimEnd()}\n\n${body}` : body;
        setText(moved);
        keep(newKey, moved);
        keep(`edit:${id}`, "");
        setEditing(null);
        setComposing(true);
        setNotice({ id: null, text: "That comment was deleted meanwhile, so your edit could not be saved. Your text is in the box below: post it as a new comment if it still matters." });
        focusComposer.current = true;
        composerRef.current?.focus();
        await reload();
      } else {
        const forBody = fieldMessage(failure, "body");
        setEditing((current) => current && { ...current, error: forBody ?? "" });
        if (!forBody) setNotice({ id, text: problem(failure) });
      }
    } finally {
      setSaving(false);
    }
  }

  function editKeys(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!editing) return;
    if (event.key === "Escape") {
      // Closes this edit only, not the whole panel; the text is kept for the next Edit.
      event.preventDefault();
      event.stopPropagation();
      stopEditing(false);
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save(editing.theirs?.version ?? editing.base);
    }
  }

  async function remove(comment: CommentView) {
    if (deleting) return;
    setDeleting(true);
    setNotice(null);
    try {
      await removeComment(comment.id, comment.version);
      keep(`edit:${comment.id}`, "");
      setComments((previous) => previous?.filter((other) => other.id !== comment.id) ?? null);
      setConfirming(null);
      say("Comment deleted");
      headingRef.current?.focus();
      await reload();
    } catch (failure) {
      if (isCode(failure, 404, "NOT_FOUND")) {
        setConfirming(null);
        say("That comment was already deleted");
        headingRef.current?.focus();
      } else if (isCode(failure, 409, "CONFLICT")) {
        setConfirming(null);
        setNotice({ id: comment.id, text: "This comment was edited since you loaded it; it now reads as shown. Delete it again if you still want to." });
      } else setNotice({ id: comment.id, text: problem(failure) });
      await reload();
    } finally {
      setDeleting(false);
    }
  }

  const count = comments?.length ?? 0;
  const headingId = `wb-comments-heading-${annotationId}`;
  const composerId = `wb-comment-new-${annotationId}`;

  return (
    <section className="wb-comments" aria-labelledby={headingId} data-testid="comment-thread">
      <h3 id={headingId} tabIndex={-1} ref={headingRef}>
        Comments {comments && <span className="muted">({count})</span>}
      </h3>
      {/* Not role="status": the workbench has one for its own announcements. */}
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
      {comments === null && !loadError && <p className="wb-hint">Loading comments…</p>}
      {loadError && (
        <div className="wb-error" role="alert">
          <p>Could not load the comments. {loadError}</p>
          <button type="button" className="button small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {comments && count === 0 && <p className="wb-hint">No comments yet.{canComment && " Ask a question or leave a note for the others working on it."}</p>}
      {notice && notice.id === null && (
        <p className="wb-error" role="alert">
          {notice.text}
        </p>
      )}

      {comments && count > 0 && (
        <ol className="wb-comment-list" data-testid="comment-list">
          {comments.map((comment) => {
            const own = comment.author.id === actor.id;
            const mayEdit = own && canComment;
            const mayDelete = own ? canComment : canModerate;
            const isEditing = editing?.id === comment.id;
            const whose = own ? "your comment" : `comment by ${comment.author.name}`;
            return (
              <li key={comment.id} id={`comment-${comment.id}`} className={`wb-comment${own ? " is-own" : ""}`} aria-busy={(isEditing && saving) || (confirming === comment.id && deleting)}>
                <p className="wb-comment-head">
                  <span className="wb-comment-author">{comment.author.name}</span>
                  {own && <span className="wb-comment-you"> (you)</span>}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={comment.createdAt} title={absolute(comment.createdAt)}>
                    {ago(comment.createdAt, now)}
                  </time>
                  {comment.edited && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span className="wb-comment-edited" title={`Edited ${absolute(comment.updatedAt)}`} data-testid="comment-edited">
                        edited
                      </span>
                    </>
                  )}
                </p>

                {isEditing && editing ? (
                  <form className="wb-comment-form" onSubmit={(event) => void save(editing.theirs?.version ?? editing.base, event)} noValidate>
                    {editing.theirs && (
                      <div className="wb-conflict" role="alert">
                        <p>
                          <strong>This comment was changed since you opened it</strong> (in another tab or window). Your text below is not saved yet. It now reads (version {editing.theirs.version}):
                        </p>
                        <blockquote className="wb-comment-theirs">{editing.theirs.body}</blockquote>
                        <button type="button" className="button small" onClick={() => void save(editing.theirs!.version)} disabled={saving}>
                          Save mine over it
                        </button>{" "}
                        <button type="button" className="button small" onClick={() => stopEditing(true)} disabled={saving}>
                          Keep that version
                        </button>
                      </div>
                    )}
                    <Field id={`wb-comment-edit-text-${comment.id}`} label="Edit your comment" error={editing.error} hint={<><kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> closes (your text is kept).</>}>
                      {(control) => (
                        <textarea
                          {...control}
                          ref={editRef}
                          rows={Math.min(10, Math.max(3, editing.text.split("\n").length + 1))}
                          value={editing.text}
                          onChange={(event) => {
                            const value = event.target.value;
                            keep(`edit:${comment.id}`, value === comment.body ? "" : value);
                            setEditing((current) => current && { ...current, text: value, error: current.error && localBodyError(value) });
                          }}
                          onKeyDown={editKeys}
                        />
                      )}
                    </Field>
                    <FormActions busy={saving} label="Save comment" busyLabel="Saving…" onCancel={() => stopEditing(true)} small />
                  </form>
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
                    <p>{own ? "Delete your comment? This cannot be undone." : `Delete ${comment.author.name}'s comment? This cannot be undone; the audit log keeps a note of it.`}</p>
                    <button type="button" className="button small danger" onClick={() => void remove(comment)} disabled={deleting} autoFocus>
                      {deleting ? "Deleting…" : "Yes, delete it"}
                    </button>{" "}
                    <button
                      type="button"
                      className="button small"
                      onClick={() => {
                        setConfirming(null);
                        setFocusTarget(`wb-comment-delete-${comment.id}`);
                      }}
                      disabled={deleting}
                    >
                      Keep it
                    </button>
                  </div>
                )}

                {!isEditing && confirming !== comment.id && (mayEdit || mayDelete) && (
                  <div className="wb-comment-actions">
                    {mayEdit && (
                      <button type="button" id={`wb-comment-edit-${comment.id}`} className="button small link" aria-label={`Edit ${whose}`} onClick={() => startEditing(comment)}>
                        Edit{drafts.has(`edit:${comment.id}`) && <span className="wb-unsaved"> (unsaved)</span>}
                      </button>
                    )}
                    {mayDelete && (
                      <button type="button" id={`wb-comment-delete-${comment.id}`} className="button small link danger" aria-label={`Delete ${whose}`} onClick={() => setConfirming(comment.id)}>
                        Delete
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {showComposer ? (
        <form className="wb-comment-form wb-comment-new" onSubmit={(event) => void post(event)} noValidate aria-busy={posting}>
          {locked && <p className="wb-hint">The article is signed off, but its discussion stays open.</p>}
          <Field id={composerId} label="Add a comment" error={bodyError} hint={<><kbd>Ctrl</kbd>+<kbd>Enter</kbd> posts.</>}>
            {(control) => (
              <textarea
                {...control}
                ref={composerRef}
                rows={3}
                value={text}
                onChange={(event) => {
                  const value = event.target.value;
                  setText(value);
                  keep(newKey, value);
                  if (bodyError) setBodyError(localBodyError(value));
                }}
                onKeyDown={composerKeys}
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
      ) : (
        canComment && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              focusComposer.current = true;
              setComposing(true);
            }}
          >
            Add a comment
          </button>
        )
      )}
    </section>
  );
}
