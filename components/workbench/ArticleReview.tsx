"use client";

import { IntentLink } from "../IntentLink";
import { ExportMenu } from "./ExportMenu";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { KIND_LABELS } from "@/lib/domain/annotation";
import type { AnnotationSummary, ArticleView } from "@/lib/views/article-view";
import { fieldMessage } from "../api-client";
import { judgeable, mayReopen, myDrafts, offersSignOff, signOffBlockers, signOffScope } from "./access";
import { byPosition, excerpt, plural } from "./model";
import { isOutOfDate, problem, reopenArticle, reviewMany, signOffArticle, submitDrafts } from "./requests";
import { ANNOTATION_STATUS_LABELS, ARTICLE_STATUS_LABELS, formatDay } from "./status";
import { FormActions } from "./FormActions";
import { RequiredReason } from "./RequiredReason";
import { useWorkbench } from "./state/WorkbenchProvider";

type Mode = "sign-off" | "reopen" | "approve-all" | null;

/**
 * The article's place in the review: its status, how many annotations are
 * approved, signing it off (once nothing blocks it, saying what does) and
 * reopening it, and a way into the audit log.
 */
export function ArticleReview() {
  const {
    store,
    article: page,
    publicBase,
    labels,
    permissions,
    actor,
    applyArticle: onArticle,
    refresh: onRefresh,
    openAnnotation,
    announce: onAnnounce,
  } = useWorkbench();
  const { review } = store.data;
  const annotations = useMemo(() => signOffScope(store.data.annotations), [store.data.annotations]);
  // The review state moves with submissions, sign-off and reopening; the id and public URL are the page's.
  const article = { id: page.id, publicUrl: page.publicUrl, ...review };
  const onOpen = (id: string) => openAnnotation(id, { scroll: true });
  const [mode, setMode] = useState<Mode>(null);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [focus, setFocus] = useState<{
    to: "banner" | "sign-off" | "reopen" | "field" | "status" | "approve-all" | "confirm";
    serial: number;
  }>({ to: "field", serial: 0 });
  const statusRef = useRef<HTMLSpanElement>(null);
  const approveAllRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const signOffRef = useRef<HTMLButtonElement>(null);
  const reopenRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  const signedOff = article.status === "SIGNED_OFF";
  // Derived once per change of the annotations, not on every render: opening one re-renders this too (a long article's
  // 2,000 annotations made these filters a third of a click's work, issue #14).
  const { pending, unrated, basisChanged, notInReview } = useMemo(
    () => signOffBlockers(article.status, annotations),
    [article.status, annotations],
  );
  const ready = pending.length === 0 && unrated.length === 0 && basisChanged.length === 0 && !notInReview;
  const canSignOff = offersSignOff(permissions, article.status);
  const canReopen = mayReopen(permissions, article.status);
  const approved = annotations.length - pending.length;
  // The batch buttons: a whole day's drafts in one click, and for a reviewer everything here they may approve, after one confirmation.
  const drafts = useMemo(() => myDrafts(permissions, actor, annotations), [permissions, actor, annotations]);
  const waiting = useMemo(() => judgeable(permissions, actor, annotations), [permissions, actor, annotations]);
  const names = (list: readonly AnnotationSummary[]) => list.map((annotation) => labels.get(annotation.id)).join(", ");

  // Focus follows what the user just did: into a form as it opens, to the banner after signing off, back to the trigger after cancelling.
  useEffect(() => {
    if (!focus.serial) return;
    const target = {
      banner: bannerRef,
      "sign-off": signOffRef,
      reopen: reopenRef,
      field: fieldRef,
      status: statusRef,
      "approve-all": approveAllRef,
      confirm: confirmRef,
    }[focus.to].current;
    target?.focus();
  }, [focus]);
  const focusOn = (to: (typeof focus)["to"]) => setFocus((previous) => ({ to, serial: previous.serial + 1 }));

  function open(next: Exclude<Mode, null>) {
    if (next === "sign-off" && !ready) return;
    setMode(next);
    setError("");
    setReasonError("");
    focusOn(next === "approve-all" ? "confirm" : "field");
  }

  async function batch(run: () => Promise<string>, after: (typeof focus)["to"]) {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const message = await run();
      setMode(null);
      await onRefresh();
      onAnnounce(message);
      focusOn(after);
    } catch (failure) {
      setError(problem(failure));
      if (isOutOfDate(failure)) await onRefresh();
    } finally {
      setBusy(false);
    }
  }

  // All or nothing on the server: either every draft went, or none did and the error says which one is in the way.
  const submitAll = () =>
    batch(async () => {
      const { results } = await submitDrafts(article.id);
      return `${plural(results.length, "annotation", "annotations")} submitted for review`;
    }, "status");

  // Partial on the server: each decision stands or falls alone, and the ones refused are named.
  function approveAll(event: FormEvent) {
    event.preventDefault();
    void batch(async () => {
      const { results } = await reviewMany(
        waiting.map((annotation) => ({
          annotationId: annotation.id,
          decision: "APPROVE",
          version: annotation.version,
        })),
      );
      const refused = results.filter((result) => !result.ok);
      if (refused.length)
        setError(
          `Not approved: ${refused.map((result) => `${labels.get(result.id) ?? "one"} (${result.error?.message ?? "refused"})`).join("; ")}`,
        );
      return `${plural(results.length - refused.length, "annotation", "annotations")} approved${refused.length ? `; ${refused.length} not (see why above)` : ""}`;
    }, "sign-off");
  }

  function close() {
    const was = mode;
    setMode(null);
    setError("");
    setReasonError("");
    if (was) focusOn(was);
  }

  async function act(request: () => Promise<ArticleView>, message: string, after: "banner" | "sign-off") {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const view = await request();
      onArticle(view, message);
      setMode(null);
      setNote("");
      setReason("");
      focusOn(after);
    } catch (failure) {
      const forNote = fieldMessage(failure, "note");
      if (forNote && mode === "reopen") setReasonError(forNote);
      else setError(problem(failure));
      // Refused because something changed meanwhile (an annotation not approved, someone else signed off): show the page as it is now.
      if (isOutOfDate(failure)) await onRefresh();
    } finally {
      setBusy(false);
    }
  }

  function signOff(event: FormEvent) {
    event.preventDefault();
    void act(() => signOffArticle(article.id, note.trim()), "Article signed off", "banner");
  }

  function reopen(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError("Say why it is reopened: it goes in the audit log.");
      fieldRef.current?.focus();
      return;
    }
    void act(() => reopenArticle(article.id, reason.trim()), "Article reopened", "sign-off");
  }

  function formKeys(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      // Closes this form only (Escape elsewhere closes the annotation panel).
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <section className={`wb-review-bar${signedOff ? " is-signed-off" : ""}`} aria-labelledby="wb-review-heading">
      <h2 id="wb-review-heading" className="visually-hidden">
        Review of the article
      </h2>
      <div className="wb-review-row">
        <span
          className={`wb-status wb-status-${article.status.toLowerCase()}`}
          data-testid="article-status"
          tabIndex={-1}
          ref={statusRef}
        >
          <span className="visually-hidden">Article status: </span>
          {ARTICLE_STATUS_LABELS[article.status]}
        </span>
        {annotations.length > 0 && (
          <span className="wb-progress">
            <strong>{approved}</strong> of {plural(annotations.length, "annotation", "annotations")} approved
            <span className="wb-progress-bar" aria-hidden="true">
              <span style={{ width: `${(approved / annotations.length) * 100}%` }} />
            </span>
          </span>
        )}
        <span className="wb-review-actions">
          {drafts.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={submitAll}
              aria-disabled={busy || undefined}
              title={`Submits ${names(drafts)}`}
            >
              {busy && mode === null ? "Submitting…" : `Submit all my drafts (${drafts.length})`}
            </button>
          )}
          {waiting.length > 1 && mode !== "approve-all" && (
            <button type="button" className="button" ref={approveAllRef} onClick={() => open("approve-all")}>
              Approve all waiting for you ({waiting.length})
            </button>
          )}
          {canSignOff && mode !== "sign-off" && (
            <button
              type="button"
              ref={signOffRef}
              className={`button${ready ? " primary" : ""}`}
              aria-disabled={!ready || undefined}
              aria-describedby={ready ? undefined : "wb-sign-off-why"}
              onClick={() => open("sign-off")}
            >
              Sign off article
            </button>
          )}
          <IntentLink href={`/articles/${encodeURIComponent(article.id)}/audit`} className="wb-audit-link">
            Audit log
          </IntentLink>
          <ExportMenu article={article} publicBase={publicBase} />
        </span>
      </div>

      {canSignOff && !ready && mode === null && (
        <div id="wb-sign-off-why" className="wb-why" data-testid="sign-off-why">
          {notInReview && pending.length === 0 ? (
            <p>Nothing to sign off yet: no annotation has been submitted for review.</p>
          ) : (
            <>
              {pending.length > 0 && (
                <>
                  <p>
                    {notInReview ? "Not in review yet: " : "Sign-off waits: "}
                    <strong>{plural(pending.length, "annotation", "annotations")} not approved yet</strong>
                  </p>
                  <BlockerList
                    annotations={pending}
                    labels={labels}
                    onOpen={onOpen}
                    describe={(annotation) => ANNOTATION_STATUS_LABELS[annotation.status]}
                  />
                </>
              )}
              {unrated.length > 0 && (
                <>
                  <p data-testid="sign-off-unrated">
                    {pending.length > 0 ? "And " : "Sign-off waits: "}
                    <strong>
                      {unrated.length === 1 ? "1 claim or denial has" : `${unrated.length} claims or denials have`} no
                      verdict
                    </strong>
                    . Rate each, or choose “Not rated” and say why.
                  </p>
                  <BlockerList annotations={unrated} labels={labels} onOpen={onOpen} describe={() => "No verdict"} />
                </>
              )}
              {basisChanged.length > 0 && (
                <>
                  <p data-testid="sign-off-basis-changed">
                    {pending.length + unrated.length > 0 ? "And " : "Sign-off waits: "}
                    <strong>
                      {basisChanged.length === 1
                        ? "1 annotation reused a verdict that has changed since"
                        : `${basisChanged.length} annotations reused verdicts that have changed since`}
                    </strong>
                    . Open each, then keep its verdict or change it.
                  </p>
                  <BlockerList
                    annotations={basisChanged}
                    labels={labels}
                    onOpen={onOpen}
                    describe={() => "Reused verdict changed"}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}

      {mode === "approve-all" && (
        <form
          className="wb-inline-form"
          onSubmit={approveAll}
          onKeyDown={formKeys}
          aria-busy={busy}
          aria-labelledby="wb-approve-all-title"
          noValidate
        >
          <p id="wb-approve-all-title">
            <strong>Approve {plural(waiting.length, "annotation", "annotations")}?</strong> {names(waiting)}: each is
            recorded as your approval, so approve only what you have read.
          </p>
          <div className="wb-form-actions">
            <button type="submit" className="button primary" ref={confirmRef} aria-disabled={busy || undefined}>
              {busy ? "Approving…" : `Approve ${waiting.length}`}
            </button>
            <button type="button" className="button" onClick={close} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {mode === "sign-off" && (
        <form
          className="wb-inline-form"
          onSubmit={signOff}
          onKeyDown={formKeys}
          aria-busy={busy}
          aria-labelledby="wb-sign-off-title"
          noValidate
        >
          <p id="wb-sign-off-title">
            <strong>Sign off the article?</strong> Every annotation is approved, and every claim and denial is rated or
            marked not rated. Once signed off, nothing can be changed until a reviewer reopens it.
          </p>
          <label htmlFor="wb-sign-off-note">Note (optional)</label>
          <textarea
            id="wb-sign-off-note"
            ref={fieldRef}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="For the audit log"
          />
          <FormActions busy={busy} label="Confirm sign-off" busyLabel="Signing off…" onCancel={close} />
        </form>
      )}

      {signedOff && (
        <div className="wb-signed" role="note" tabIndex={-1} ref={bannerRef} data-testid="signed-off-banner">
          <p>
            <span className="wb-signed-mark" aria-hidden="true">
              ✓
            </span>
            <strong>
              {article.signOff ? (
                <>
                  Signed off by {article.signOff.reviewer.name} on{" "}
                  <time dateTime={article.signOff.at}>{formatDay(article.signOff.at)}</time>
                </>
              ) : (
                "Signed off"
              )}{" "}
              — read-only.
            </strong>{" "}
            {article.signOff?.note && <span className="wb-signed-note">“{article.signOff.note}”</span>}
          </p>
          <p className="wb-hint">
            {canReopen
              ? "To change anything, reopen it: it then goes through review again."
              : "Nothing can be changed until a reviewer reopens it."}
          </p>
          {canReopen && mode !== "reopen" && (
            <button type="button" className="button" ref={reopenRef} onClick={() => open("reopen")}>
              Reopen article
            </button>
          )}
          {mode === "reopen" && (
            <form className="wb-inline-form" onSubmit={reopen} onKeyDown={formKeys} aria-busy={busy} noValidate>
              <RequiredReason
                id="wb-reopen-reason"
                label="Why reopen it?"
                hint="Recorded in the audit log with your name."
                value={reason}
                error={reasonError}
                setValue={setReason}
                setError={setReasonError}
                textareaRef={fieldRef}
                rows={2}
                placeholder="e.g. The ministry published a correction."
              />
              <FormActions busy={busy} label="Reopen article" busyLabel="Reopening…" onCancel={close} />
            </form>
          )}
        </div>
      )}

      {error && (
        <p className="wb-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The annotations in the way of a sign-off, each a link that opens it, with what is missing. */
function BlockerList({
  annotations,
  labels,
  onOpen,
  describe,
}: {
  annotations: AnnotationSummary[];
  labels: Map<string, string>;
  onOpen: (id: string) => void;
  describe: (annotation: AnnotationSummary) => string;
}) {
  return (
    <ul className="wb-pending">
      {[...annotations].sort(byPosition).map((annotation) => (
        <li key={annotation.id}>
          <a
            href={`#annotation-${annotation.id}`}
            className={`wb-pending-link wb-pending-${annotation.status.toLowerCase()}`}
            title={`“${excerpt(annotation.quote, 80)}”`}
            onClick={(event) => {
              event.preventDefault();
              onOpen(annotation.id);
            }}
          >
            <span className={`wb-chip wb-chip-${annotation.kind.toLowerCase()}`}>
              {labels.get(annotation.id)}
              <span className="visually-hidden"> {KIND_LABELS[annotation.kind].toLowerCase()},</span>
            </span>{" "}
            {describe(annotation)}
          </a>
        </li>
      ))}
    </ul>
  );
}
