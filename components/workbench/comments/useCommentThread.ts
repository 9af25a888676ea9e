"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { can } from "@/lib/domain/permissions";
import type { CommentView } from "@/lib/views/comment-view";
import { fieldMessage, type ApiError } from "../../api-client";
import { editComment, fetchComments, isCode, postComment, problem, removeComment } from "../requests";
import { useWorkbench } from "../state/WorkbenchProvider";
import { editKey, localBodyError, newKey } from "./comment-text";

/** `base`: the version the edit started from, so a live refresh never turns a stale edit into an overwrite. */
export type Editing = { id: string; text: string; error: string; theirs: CommentView | null; base: number };

export type Notice = { id: string | null; text: string };

/**
 * The discussion under an annotation, as state and actions: read when the
 * panel opens, again after every change and whenever the live stream says
 * someone else commented (the workbench's state counts those per annotation).
 * Unposted text lives in the workbench's state, so it outlives the panel.
 */
export function useCommentThread(annotationId: string) {
  const { store, actor, permissions, setCommentDraft } = useWorkbench();
  const drafts = store.comments.drafts;
  const othersChanged = store.comments.changed[annotationId] ?? 0;
  const locked = permissions.locked;
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [loadError, setLoadError] = useState("");
  const [now, setNow] = useState(0);
  const text = drafts[newKey(annotationId)] ?? "";
  const setText = (value: string) => setCommentDraft(newKey(annotationId), value);
  const [bodyError, setBodyError] = useState("");
  const [postError, setPostError] = useState("");
  const [posting, setPosting] = useState(false);
  const [composing, setComposing] = useState(() => newKey(annotationId) in drafts);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [spoken, setSpoken] = useState("");
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusComposer = useRef(false);
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

  const canComment = can(actor.role, "comment:annotation");
  // Mirrors lib/server/comment/delete-comment.ts: deleting others' comments is the admin's (moderation).
  const canModerate = can(actor.role, "delete:comment:others");
  // The article is signed off: discussion stays open, but the box to write in waits to be asked for.
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

  // On opening, and whenever someone else changed a comment here (our own changes are already on screen).
  useEffect(() => {
    void reload();
  }, [reload, othersChanged]);

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

  function typeNew(value: string) {
    setText(value);
    if (bodyError) setBodyError(localBodyError(value));
  }

  function compose() {
    focusComposer.current = true;
    setComposing(true);
  }

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

  function startEditing(comment: CommentView) {
    setConfirming(null);
    setNotice(null);
    setEditing({
      id: comment.id,
      text: drafts[editKey(comment.id)] ?? comment.body,
      error: "",
      theirs: null,
      base: comment.version,
    });
    // Into the box, with the cursor at the end of the text, once it is on screen.
    requestAnimationFrame(() => {
      const box = editRef.current;
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  }

  function typeEdit(comment: CommentView, value: string) {
    setCommentDraft(editKey(comment.id), value === comment.body ? "" : value);
    setEditing((current) => current && { ...current, text: value, error: current.error && localBodyError(value) });
  }

  function stopEditing(discard: boolean) {
    if (!editing) return;
    const id = editing.id;
    if (discard) setCommentDraft(editKey(id), "");
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
      setCommentDraft(editKey(id), "");
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
        if (theirs)
          setComments((previous) => previous?.map((comment) => (comment.id === id ? theirs : comment)) ?? null);
      } else if (isCode(failure, 404, "NOT_FOUND")) {
        // Deleted meanwhile: the text goes to the box for a new comment rather than being lost.
        setText(text.trim() ? `${text.trimEnd()}\n\n${body}` : body);
        setCommentDraft(editKey(id), "");
        setEditing(null);
        setComposing(true);
        setNotice({
          id: null,
          text: "That comment was deleted meanwhile, so your edit could not be saved. Your text is in the box below: post it as a new comment if it still matters.",
        });
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

  async function remove(comment: CommentView) {
    if (deleting) return;
    setDeleting(true);
    setNotice(null);
    try {
      await removeComment(comment.id, comment.version);
      setCommentDraft(editKey(comment.id), "");
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
        setNotice({
          id: comment.id,
          text: "This comment was edited since you loaded it; it now reads as shown. Delete it again if you still want to.",
        });
      } else setNotice({ id: comment.id, text: problem(failure) });
      await reload();
    } finally {
      setDeleting(false);
    }
  }

  function keepIt(comment: CommentView) {
    setConfirming(null);
    setFocusTarget(`wb-comment-delete-${comment.id}`);
  }

  const model = {
    actorId: actor.id,
    locked,
    comments,
    loadError,
    now,
    text,
    bodyError,
    postError,
    posting,
    showComposer,
    canComment,
    canModerate,
    editing,
    saving,
    confirming,
    deleting,
    notice,
    spoken,
    hasEditDraft: (commentId: string) => editKey(commentId) in drafts,
    reload,
    typeNew,
    compose,
    post,
    startEditing,
    typeEdit,
    stopEditing,
    save,
    confirm: setConfirming,
    keepIt,
    remove,
  };
  // Apart from the model: the elements are for the components that render them.
  return { model, composerRef, editRef, headingRef };
}

export type CommentThreadModel = ReturnType<typeof useCommentThread>["model"];
