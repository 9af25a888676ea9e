"use client";

import { useRef, useState, type FormEvent } from "react";
import { fieldMessage } from "../api-client";
import { sourceBody, type SourceDraft } from "./drafts";
import { Field } from "./Field";
import { problem } from "./requests";
import { FormActions } from "./FormActions";

const PATHS = ["url", "title", "publisher", "quote", "accessedAt", "archiveUrl"] as const;

type Props = {
  /** Prefix for field ids, unique on the page. */
  idPrefix: string;
  initial: SourceDraft;
  submitLabel: string;
  /** Resolves when stored; throws an ApiError to show. */
  onSubmit: (body: ReturnType<typeof sourceBody>) => Promise<void>;
  onCancel: () => void;
  cancelLabel?: string;
  /** After a successful submit, clear the form for the next one instead of leaving it. */
  resetTo?: SourceDraft;
};

/** One source's fields, saved on their own (each source change is its own request). */
export function SourceForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  cancelLabel = "Cancel",
  resetTo,
}: Props) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(sourceBody(draft));
      if (resetTo) {
        setDraft(resetTo);
        urlRef.current?.focus();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (path: (typeof PATHS)[number]) => fieldMessage(error, path);
  const otherError = error && !PATHS.some((path) => errorFor(path)) ? problem(error) : "";
  const bind = (key: keyof SourceDraft) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((previous) => ({ ...previous, [key]: event.target.value })),
  });
  return (
    <form
      className="wb-source-form"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      aria-label={submitLabel}
      onKeyDown={(event) => {
        // Escape leaves this form, not the whole panel.
        if (event.key !== "Escape" || busy) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <Field id={`${idPrefix}-url`} label="URL" error={errorFor("url")} className="wb-span-2">
        {(control) => (
          <input
            {...control}
            ref={urlRef}
            type="url"
            inputMode="url"
            required
            placeholder="https://"
            autoComplete="off"
            autoFocus
            {...bind("url")}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-title`} label="Title" error={errorFor("title")}>
        {(control) => <input {...control} maxLength={300} autoComplete="off" {...bind("title")} />}
      </Field>
      <Field id={`${idPrefix}-publisher`} label="Publisher" error={errorFor("publisher")}>
        {(control) => <input {...control} maxLength={200} autoComplete="off" {...bind("publisher")} />}
      </Field>
      <Field id={`${idPrefix}-quote`} label="Quoted passage" error={errorFor("quote")} className="wb-span-2">
        {(control) => <textarea {...control} rows={2} {...bind("quote")} />}
      </Field>
      <Field id={`${idPrefix}-accessed`} label="Accessed" error={errorFor("accessedAt")}>
        {(control) => <input {...control} type="date" {...bind("accessedAt")} />}
      </Field>
      <Field id={`${idPrefix}-archive`} label="Archive URL" error={errorFor("archiveUrl")}>
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            placeholder="https://web.archive.org/…"
            autoComplete="off"
            {...bind("archiveUrl")}
          />
        )}
      </Field>
      {otherError && (
        <p className="wb-error wb-span-2" role="alert">
          {otherError}
        </p>
      )}
      <FormActions
        busy={busy}
        label={submitLabel}
        busyLabel="Saving…"
        onCancel={onCancel}
        cancelLabel={cancelLabel}
        small
        className="wb-span-2"
      />
    </form>
  );
}
