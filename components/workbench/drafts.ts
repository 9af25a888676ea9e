import { kindTakesVerdict, VERDICT_SCALE, type AnnotationKind, type Verdict } from "@/lib/domain/annotation";
import type { AnnotationView, SourceView } from "@/lib/views/article-view";

/** The verdict control's choice for "not rated, on purpose": then a reason is required (notRatedReason). */
export const NOT_RATED = "NOT_RATED";

/** What the panel form holds while someone types: plain strings, "" for empty. */
export type AnnotationDraft = {
  kind: AnnotationKind;
  speaker: string;
  note: string;
  publicNote: string;
  verdict: Verdict | "" | typeof NOT_RATED;
  notRatedReason: string;
  rationale: string;
  deniesId: string;
};
export type SourceDraft = {
  url: string;
  title: string;
  publisher: string;
  quote: string;
  accessedAt: string;
  archiveUrl: string;
};

export const FIELD_LABELS: Record<keyof AnnotationDraft, string> = {
  kind: "Kind",
  speaker: "Speaker",
  note: "Note for the team",
  publicNote: "Remark for readers",
  verdict: "Verdict",
  notRatedReason: "Why not rated",
  rationale: "Rationale",
  deniesId: "Denies which claim?",
};

export function draftFrom(annotation: AnnotationView): AnnotationDraft {
  return {
    kind: annotation.kind,
    speaker: annotation.speaker ?? "",
    note: annotation.note,
    publicNote: annotation.publicNote ?? "",
    verdict: annotation.verdict ?? (annotation.notRatedReason ? NOT_RATED : ""),
    notRatedReason: annotation.notRatedReason ?? "",
    rationale: annotation.rationale ?? "",
    deniesId: annotation.deniesId ?? "",
  };
}

/** Fields of `draft` that differ from `annotation` as stored, ignoring those its kind does not use. */
export function changedFields(draft: AnnotationDraft, annotation: AnnotationView): (keyof AnnotationDraft)[] {
  const stored = draftFrom(annotation);
  return (Object.keys(stored) as (keyof AnnotationDraft)[]).filter((field) => {
    if (
      (field === "verdict" || field === "rationale" || field === "notRatedReason") &&
      !kindTakesVerdict(draft.kind) &&
      !kindTakesVerdict(stored.kind)
    )
      return false;
    // The reason only counts while "Not rated" is chosen: typing one and then picking a verdict changes nothing there.
    if (field === "notRatedReason" && draft.verdict !== NOT_RATED && stored.verdict !== NOT_RATED) return false;
    if (field === "deniesId" && draft.kind !== "DENIAL" && stored.kind !== "DENIAL") return false;
    return draft[field] !== stored[field];
  });
}

/**
 * The PATCH body for a draft, with the version last seen. An analysis takes no
 * verdict and only a denial denies a claim, so switching kind clears those
 * (the server would answer 422 otherwise). An analysis keeps any rationale it
 * had, unsent, in case it becomes a claim again.
 */
export function patchBody(draft: AnnotationDraft, version: number) {
  const rated = kindTakesVerdict(draft.kind);
  return {
    version,
    kind: draft.kind,
    speaker: draft.speaker.trim() || null,
    note: draft.note,
    publicNote: draft.publicNote.trim() || null,
    verdict: rated && draft.verdict !== NOT_RATED ? draft.verdict || null : null,
    // A verdict and a not-rated reason exclude each other (the server says 422 otherwise): choosing one clears the other.
    notRatedReason: rated && draft.verdict === NOT_RATED ? draft.notRatedReason.trim() || null : null,
    ...(rated ? { rationale: draft.rationale.trim() || null } : {}),
    deniesId: draft.kind === "DENIAL" ? draft.deniesId || null : null,
  };
}

/** `speakerId`: the speaker record a suggestion picked (components/speakers/SpeakerSuggest). */
export type AnnotationPatch = Partial<ReturnType<typeof patchBody>> & { version: number; speakerId?: string };

/**
 * Only what the draft changes (the server keeps what is not sent): the audit
 * log then names the fields really edited, and a change of detail is never
 * mistaken for one of substance.
 */
export function patchChanges(draft: AnnotationDraft, annotation: AnnotationView): AnnotationPatch {
  const stored: Record<string, unknown> = patchBody(draftFrom(annotation), annotation.version);
  return Object.fromEntries(
    Object.entries(patchBody(draft, annotation.version)).filter(
      ([key, value]) => key === "version" || value !== stored[key],
    ),
  ) as AnnotationPatch;
}

/** Shows a draft field as people read it. */
export function describeField(field: keyof AnnotationDraft, value: string, claimLabel: (id: string) => string): string {
  if (!value) return "(empty)";
  if (field === "verdict") return value === NOT_RATED ? "Not rated" : (VERDICT_SCALE[value as Verdict]?.label ?? value);
  if (field === "deniesId") return claimLabel(value);
  if (field === "kind") return value.charAt(0) + value.slice(1).toLowerCase();
  return value;
}

export const emptySource = (): SourceDraft => ({
  url: "",
  title: "",
  publisher: "",
  quote: "",
  accessedAt: "",
  archiveUrl: "",
});

export function sourceDraftFrom(source: SourceView): SourceDraft {
  return {
    url: source.url,
    title: source.title ?? "",
    publisher: source.publisher ?? "",
    quote: source.quote ?? "",
    accessedAt: source.accessedAt?.slice(0, 10) ?? "",
    archiveUrl: source.archiveUrl ?? "",
  };
}

/** Blank optional fields go as null (the server refuses "" for dates and URLs). */
export function sourceBody(draft: SourceDraft) {
  const blank = (value: string) => value.trim() || null;
  return {
    url: draft.url.trim(),
    title: blank(draft.title),
    publisher: blank(draft.publisher),
    quote: blank(draft.quote),
    accessedAt: blank(draft.accessedAt),
    archiveUrl: blank(draft.archiveUrl),
  };
}

/** Today as YYYY-MM-DD in the user's time zone, the usual "accessed" date. */
export function today(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
