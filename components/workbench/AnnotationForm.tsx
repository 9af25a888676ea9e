"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { ANNOTATION_KINDS, KIND_LABELS, kindTakesVerdict, VERDICT_SCALE, VERDICTS } from "@/lib/domain/annotation";
import type { AnnotationView } from "@/lib/views/article-view";
import { fieldMessage } from "../api-client";
import { ConflictNotice, KeptText, UnsavedText } from "./ConflictNotice";
import { changedFields, draftFrom, NOT_RATED, patchChanges, type AnnotationDraft } from "./drafts";
import { Field } from "./Field";
import { byPosition, excerpt, KIND_LETTER } from "./model";
import { currentAnnotation, isConflict, problem, updateAnnotation } from "./requests";
import { liveNotice, type Work } from "./live/apply-event";
import { useWorkbench } from "./state/WorkbenchProvider";
import { SpeakerSuggest } from "../speakers/SpeakerSuggest";

/** `labels`: the panel's (an orphan keeps its label there); the annotations and the unsaved work come from the workbench's state. */
type Props = { annotation: AnnotationView; labels: Map<string, string>; canEdit: boolean };

const FIELDS = ["kind", "speaker", "note", "publicNote", "verdict", "notRatedReason", "rationale", "deniesId"] as const;

/** Changing these undoes an approval (lib/domain/workflow SUBSTANCE_FIELDS); speaker and the team's note are details, the remark for readers is published. */
const SUBSTANCE: readonly (keyof AnnotationDraft)[] = [
  "kind",
  "verdict",
  "notRatedReason",
  "rationale",
  "deniesId",
  "publicNote",
];

/** Speaker, verdict, rationale, denied claim and note: saved together with the version last seen. */
export function AnnotationForm({ annotation, labels, canEdit }: Props) {
  const { store, setWork: onWork, replace: onReplace, remove: onRemove, openAnnotation } = useWorkbench();
  const { annotations } = store.data;
  const work: Work = { ...store.data.work[annotation.id], live: liveNotice(store.data, annotation.id) };
  const onOpen = (id: string) => openAnnotation(id, { scroll: true });
  const draft = work.draft ?? draftFrom(annotation);
  const changed = changedFields(draft, annotation);
  const dirty = changed.length > 0;
  // An approved or submitted annotation goes back to draft (lib/domain/workflow): say so before saving.
  const undoesReview =
    (annotation.status === "APPROVED" || annotation.status === "SUBMITTED") &&
    changed.some((field) => SUBSTANCE.includes(field));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [conflict, setConflict] = useState<{ theirs: AnnotationView | null } | null>(null);
  // The speaker record a suggestion picked: sent with the name while the field still shows its name.
  const [pickedSpeaker, setPickedSpeaker] = useState<{ id: string; name: string } | null>(null);

  const claims = annotations.filter((other) => other.kind === "CLAIM" && other.id !== annotation.id).sort(byPosition);
  const claimName = (id: string) => {
    const claim = annotations.find((other) => other.id === id);
    return claim ? `${labels.get(claim.id)} — “${excerpt(claim.quote, 48)}”` : "a claim that no longer exists";
  };

  function set(changes: Partial<AnnotationDraft>) {
    const next = { ...draft, ...changes };
    onWork(annotation.id, { ...work, draft: changedFields(next, annotation).length > 0 ? next : undefined });
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (saving || !dirty) return;
    // "Not rated" needs its reason: it is what readers are told instead of a verdict, and what lets the article be signed off.
    if (kindTakesVerdict(draft.kind) && draft.verdict === NOT_RATED && !draft.notRatedReason.trim()) {
      setReasonMissing(true);
      document.getElementById("wb-not-rated-reason")?.focus();
      return;
    }
    setReasonMissing(false);
    setSaving(true);
    setError(null);
    setConflict(null);
    const statusBefore = annotation.status;
    try {
      const linked =
        pickedSpeaker && pickedSpeaker.name === draft.speaker.trim() ? { speakerId: pickedSpeaker.id } : {};
      const saved = await updateAnnotation(annotation.id, { ...patchChanges(draft, annotation), ...linked });
      setPickedSpeaker(null);
      onWork(annotation.id, { ...work, draft: undefined });
      onReplace(saved, "Saved", statusBefore);
    } catch (failure) {
      if (!isConflict(failure)) setError(failure);
      else {
        const theirs = await currentAnnotation(annotation.id).catch(() => undefined);
        if (theirs === undefined) setError(failure);
        else setConflict({ theirs });
      }
    } finally {
      setSaving(false);
    }
  }

  function loadTheirs(theirs: AnnotationView) {
    // What the user typed (the fields they changed from the version they started from), over their version: "Use mine" is offered only for real edits.
    // With no draft, what was kept from an earlier conflict stays kept.
    const typed = Object.fromEntries(
      changedFields(draft, annotation).map((field) => [field, draft[field]]),
    ) as Partial<AnnotationDraft>;
    onWork(annotation.id, { draft: undefined, kept: work.draft ? { ...draftFrom(theirs), ...typed } : work.kept });
    setConflict(null);
    onReplace(theirs, "Loaded their version; your text is kept below the form");
  }

  function saveShortcut(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  if (!canEdit) {
    return (
      <>
        <ReadOnly annotation={annotation} claimName={claimName} />
        {work.draft && <UnsavedText draft={work.draft} annotation={annotation} claimName={claimName} />}
      </>
    );
  }

  const errorFor = (path: string) =>
    path === "notRatedReason" && reasonMissing && !draft.notRatedReason.trim()
      ? "Say why it is not rated: readers see this instead of a verdict."
      : fieldMessage(error, path);
  const otherError = error && !FIELDS.some((field) => errorFor(field)) ? problem(error) : "";
  const rated = kindTakesVerdict(draft.kind);
  return (
    <form
      className="wb-form"
      onSubmit={save}
      onKeyDown={saveShortcut}
      aria-busy={saving}
      noValidate
      aria-label={`Details of ${KIND_LABELS[annotation.kind].toLowerCase()} ${labels.get(annotation.id)}`}
    >
      {conflict && (
        <ConflictNotice
          theirs={conflict.theirs}
          draft={draft}
          claimName={claimName}
          onLoad={loadTheirs}
          onClose={() => onRemove(annotation.id, "Removed: someone else deleted it")}
        />
      )}
      {/* Someone else changed or deleted it while this user was typing (the live stream): the same choices, before saving. */}
      {!conflict && work.live && (
        <ConflictNotice
          theirs={work.live.theirs}
          by={work.live.by}
          draft={draft}
          claimName={claimName}
          onLoad={loadTheirs}
          onClose={() => onRemove(annotation.id, "Closed")}
        />
      )}
      <fieldset className="wb-kinds">
        <legend>Kind</legend>
        {ANNOTATION_KINDS.map((kind) => (
          <label key={kind} className={`wb-kind-option wb-kind-${kind.toLowerCase()}`}>
            <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} />
            <span className="wb-chip-letter" aria-hidden="true">
              {KIND_LETTER[kind]}
            </span>
            {KIND_LABELS[kind]}
          </label>
        ))}
        {errorFor("kind") && <span className="field-error">{errorFor("kind")}</span>}
      </fieldset>

      <Field id="wb-speaker" label="Speaker" error={errorFor("speaker")}>
        {(control) => (
          <SpeakerSuggest
            id={control.id}
            describedBy={control["aria-describedby"]}
            invalid={control["aria-invalid"]}
            placeholder="Who said it?"
            omitExact
            value={draft.speaker}
            onChange={(speaker) => set({ speaker })}
            onPick={(speaker) => {
              setPickedSpeaker({ id: speaker.id, name: speaker.name });
              set({ speaker: speaker.name });
            }}
          />
        )}
      </Field>
      <SpeakerLink annotation={annotation} />

      {rated && (
        <div className="wb-verdict-group">
          <Field id="wb-verdict" label="Verdict" error={errorFor("verdict")}>
            {(control) => (
              <select
                {...control}
                value={draft.verdict}
                onChange={(event) => set({ verdict: event.target.value as AnnotationDraft["verdict"] })}
              >
                <option value="">Not rated yet</option>
                {VERDICTS.map((verdict) => (
                  <option key={verdict} value={verdict}>
                    {VERDICT_SCALE[verdict].label}
                  </option>
                ))}
                <option value={NOT_RATED}>Not rated (say why)</option>
              </select>
            )}
          </Field>
          {draft.verdict === NOT_RATED && (
            <Field
              id="wb-not-rated-reason"
              label="Why not rated (published, required)"
              error={errorFor("notRatedReason")}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  required
                  value={draft.notRatedReason}
                  onChange={(event) => set({ notRatedReason: event.target.value })}
                  maxLength={1000}
                  placeholder="e.g. No figures were published to check this against."
                />
              )}
            </Field>
          )}
          <Field id="wb-rationale" label="Rationale" error={errorFor("rationale")}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft.rationale}
                onChange={(event) => set({ rationale: event.target.value })}
                placeholder="Why this verdict, in a sentence or two"
              />
            )}
          </Field>
        </div>
      )}

      {draft.kind === "DENIAL" && (
        <Field
          id="wb-denies"
          label="Denies which claim?"
          error={errorFor("deniesId")}
          hint={
            draft.deniesId && annotations.some((other) => other.id === draft.deniesId) ? (
              <button type="button" className="button link" onClick={() => onOpen(draft.deniesId)}>
                Show {labels.get(draft.deniesId)} in the text
              </button>
            ) : claims.length === 0 ? (
              "No claims in this article yet."
            ) : undefined
          }
        >
          {(control) => (
            <select {...control} value={draft.deniesId} onChange={(event) => set({ deniesId: event.target.value })}>
              <option value="">None</option>
              {draft.deniesId && !claims.some((claim) => claim.id === draft.deniesId) && (
                <option value={draft.deniesId}>{claimName(draft.deniesId)}</option>
              )}
              {claims.map((claim) => (
                <option key={claim.id} value={claim.id}>
                  {claimName(claim.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <Field id="wb-note" label="Note for the team (never published)" error={errorFor("note")}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={draft.note}
            onChange={(event) => set({ note: event.target.value })}
            placeholder="Context for the team: kept out of the HTML and ClaimReview exports"
          />
        )}
      </Field>

      <Field
        id="wb-public-note"
        label="Remark for readers (published)"
        error={errorFor("publicNote")}
        hint="Optional. Printed beside the verdict in the HTML export; a change needs review again."
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={draft.publicNote}
            onChange={(event) => set({ publicNote: event.target.value })}
            maxLength={2000}
          />
        )}
      </Field>

      {otherError && (
        <p className="wb-error" role="alert">
          {otherError}
        </p>
      )}

      <div className="wb-form-actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page, and save() ignores presses while saving or clean. */}
        <button type="submit" className="button primary" aria-disabled={saving || !dirty || undefined}>
          {saving ? "Saving…" : "Save"}
        </button>
        {dirty && !saving && (
          <button type="button" className="button" onClick={() => onWork(annotation.id, { ...work, draft: undefined })}>
            Discard changes
          </button>
        )}
        <span className={`wb-save-state${dirty ? " is-dirty" : ""}`}>
          {dirty ? "Unsaved changes" : "All changes saved"}
        </span>
      </div>
      {undoesReview && (
        <p className="wb-warn" data-testid="undoes-approval">
          {annotation.status === "APPROVED"
            ? "Saving this sends it back to draft: an approved annotation needs review again after a change of substance."
            : "Saving this sends it back to draft: it must be submitted again, and someone other than you reviews it (four-eyes rule)."}
        </p>
      )}

      {work.kept && (
        <KeptText
          kept={work.kept}
          annotation={annotation}
          claimName={claimName}
          onUse={(field) => set({ [field]: work.kept![field] } as Partial<AnnotationDraft>)}
          onDismiss={() => onWork(annotation.id, { ...work, kept: undefined })}
        />
      )}
    </form>
  );
}

function ReadOnly({ annotation, claimName }: { annotation: AnnotationView; claimName: (id: string) => string }) {
  return (
    <dl className="wb-readonly">
      <dt>Speaker</dt>
      <dd>
        {annotation.speaker ?? <span className="muted">not given</span>}
        <SpeakerLink annotation={annotation} />
      </dd>
      {kindTakesVerdict(annotation.kind) && (
        <>
          <dt>Verdict</dt>
          <dd>
            {annotation.verdict ? (
              VERDICT_SCALE[annotation.verdict].label
            ) : annotation.notRatedReason ? (
              `Not rated: ${annotation.notRatedReason}`
            ) : (
              <span className="muted">not rated yet</span>
            )}
          </dd>
          <dt>Rationale</dt>
          <dd>{annotation.rationale ?? <span className="muted">none</span>}</dd>
        </>
      )}
      {annotation.kind === "DENIAL" && (
        <>
          <dt>Denies</dt>
          <dd>
            {annotation.deniesId ? claimName(annotation.deniesId) : <span className="muted">no claim chosen</span>}
          </dd>
        </>
      )}
      <dt>Note for the team (never published)</dt>
      <dd>{annotation.note || <span className="muted">none</span>}</dd>
      <dt>Remark for readers (published)</dt>
      <dd>{annotation.publicNote || <span className="muted">none</span>}</dd>
    </dl>
  );
}

/** The way from a saved speaker name to everything the desk has checked of theirs (its speaker record's page). */
function SpeakerLink({ annotation }: { annotation: AnnotationView }) {
  if (!annotation.speakerId || !annotation.speaker) return null;
  return (
    <p className="wb-speaker-link small">
      <a href={`/speakers/${encodeURIComponent(annotation.speakerId)}`}>Everything checked of {annotation.speaker}</a>
    </p>
  );
}
