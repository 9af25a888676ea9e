"use client";

import { useState, type FormEvent } from "react";
import { ArticleBodyInput, type BodyFormat } from "../articles/ArticleBodyInput";
import { ApiError, fieldMessage } from "../api-client";
import { reanchoringText } from "./revisions";
import { addRevision, fetchPage, problem } from "./requests";
import { useWorkbench } from "./state/WorkbenchProvider";

/**
 * The import's inputs for a changed article: paste text or HTML, upload a .txt/.html file, or fetch the page again
 * from the article's source address (through the same guarded fetcher as the import), plus an optional note. It is
 * sent against the open revision: if someone added another meanwhile, the 409 says so and offers to reload.
 */
export function NewRevisionForm({
  reopens,
  draft,
  onDraft,
  onDone,
}: {
  reopens: boolean;
  /** What is typed, kept by the caller while the dialog is closed. */
  draft: RevisionDraft;
  onDraft: (change: (draft: RevisionDraft) => RevisionDraft) => void;
  onDone: (summary: string) => void;
}) {
  const { article, refresh } = useWorkbench();
  const { format, body, note } = draft;
  const setFormat = (value: BodyFormat) => onDraft((current) => ({ ...current, format: value }));
  const setBody = (value: string) => onDraft((current) => ({ ...current, body: value }));
  const setNote = (value: string) => onDraft((current) => ({ ...current, note: value }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [fetched, setFetched] = useState("");

  async function fetchAgain() {
    if (!article.sourceUrl || fetching) return;
    setFetching(true);
    setError(null);
    setFetched("");
    try {
      const page = await fetchPage(article.sourceUrl);
      if (body.trim() && body !== page.html && !window.confirm("Replace the text you have with the fetched page?"))
        return;
      setFormat("html");
      setBody(page.html);
      setFetched(`Fetched ${page.characters.toLocaleString("en")} characters. Check the text below, then add it.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setFetching(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await addRevision(article.id, {
        [format]: body,
        note: note.trim() || undefined,
        baseRevisionId: article.revision.id,
      });
      const summary = `Revision ${answer.revision.number} added: ${reanchoringText(answer.reanchoring)}`;
      // The answer has the new text and annotations but not the history: one re-read brings the whole article.
      await refresh({ message: summary });
      onDone(summary);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const message = (path: string) => fieldMessage(error, path);
  const current = conflictWith(error);
  const general = Boolean(error) && !message(format) && !message("note") && !message("url") && !current;

  return (
    <form className="form wb-revision-form" onSubmit={submit} aria-label="New revision">
      {reopens && (
        <p className="notice">
          This article is signed off. Adding a revision reopens it (“source article revised”): its sign-off must be
          given again.
        </p>
      )}
      <ArticleBodyInput
        id="revision-body"
        legend="The changed article"
        format={format}
        onFormat={setFormat}
        body={body}
        onBody={setBody}
        error={error}
        rows={12}
      >
        {article.sourceUrl && (
          <button type="button" className="button small" onClick={() => void fetchAgain()} disabled={fetching}>
            {fetching ? "Fetching…" : "Fetch again from the source"}
          </button>
        )}
      </ArticleBodyInput>
      {message("url") && (
        <span className="field-error" role="alert">
          Could not fetch the source: {message("url")}
        </span>
      )}
      <p role="status" className="form-ok">
        {fetched}
      </p>
      <div className="field">
        <label htmlFor="revision-note">Note for the history (optional)</label>
        <input
          id="revision-note"
          value={note}
          maxLength={500}
          placeholder="Correction appended at 14:00"
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={Boolean(message("note"))}
          aria-describedby={message("note") ? "revision-note-error" : undefined}
        />
        {message("note") && (
          <span id="revision-note-error" className="field-error">
            {message("note")}
          </span>
        )}
      </div>
      {current && (
        <p className="form-error" role="alert">
          Someone added revision {current.number} meanwhile. Reload the article to see it, then add yours against it
          (your text stays here).{" "}
          <button type="button" className="button small" onClick={() => void refresh().then(() => setError(null))}>
            Reload the article
          </button>
        </p>
      )}
      {general && (
        <p className="form-error" role="alert">
          {problem(error)}
        </p>
      )}
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Adding…" : "Add revision"}
      </button>
    </form>
  );
}

/** The changed article as typed, pasted, uploaded or fetched, and the note. */
export type RevisionDraft = { format: BodyFormat; body: string; note: string };

/** The revision that is current now, from a 409 on a stale base revision; null for any other error. */
function conflictWith(error: unknown): { number: number } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.details.current as { number?: unknown } | undefined;
  return typeof current?.number === "number" ? { number: current.number } : null;
}
