import { KIND_LABELS, VERDICT_SCALE, type AnnotationKind, type Verdict } from "./annotation";
import { annotationLabel } from "./annotation-label";
import { AUDIT, isAuditAction, type AuditAction } from "./audit-actions";
import { describeChange, fieldName, isFieldChange } from "./audit-changes";

export type AuditLike = { action: string; actor: { name: string } | null; payload: Record<string, unknown> };

const STATUS_WORDS: Record<string, string> = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  APPROVED: "approved",
  CHANGES_REQUESTED: "changes requested",
  ORPHANED: "orphaned",
  IN_REVIEW: "in review",
  SIGNED_OFF: "signed off",
  REOPENED: "reopened",
};

const quoted = (value: unknown) => {
  const text = typeof value === "string" ? value : "";
  return text ? ` “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”` : "";
};

/** A comment's excerpt after a colon, shortened like quotes are: `: “…”`. */
const said = (value: unknown) => {
  const text = quoted(value);
  return text ? `:${text}` : "";
};

/** Words in single quotes, shortened like quoted(): ‘rose 20%’. */
const words = (value: unknown) => {
  const text = typeof value === "string" ? value : "";
  return `‘${text.length > 60 ? `${text.slice(0, 57)}…` : text}’`;
};

/** "in revision 3"; events are never written without the number, but a stored row is read defensively. */
const inRevision = (p: Record<string, unknown>) =>
  typeof p.revision === "number" ? `in revision ${p.revision}` : "in a new revision";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What a sentence is made from: who, the payload, the annotation by its number (kept in the event) and as the caller names it. */
type Told = { who: string; p: Record<string, unknown>; named: string; subject: string; action: string };

/** The action's own name, as events this code does not know read too. */
const byName = ({ who, action }: Told) => `${who}: ${action}`;

/** One sentence per action: an action added to lib/domain/audit-actions.ts without one fails the type check. */
const SENTENCES: Record<AuditAction, (told: Told) => string> = {
  [AUDIT.article.created]: ({ who, p }) => `${who} imported the article${quoted(p.title)}`,
  [AUDIT.article.status]: ({ who, p }) =>
    `The article moved to ${STATUS_WORDS[String(p.to)] ?? p.to} when ${who} submitted work for review`,
  [AUDIT.article.signedOff]: ({ who, p }) => `${who} signed off the article${p.note ? ` — “${p.note}”` : ""}`,
  [AUDIT.article.updated]: ({ who, p }) =>
    `${who} set the article's public address${isRecord(p.publicUrl) && p.publicUrl.to ? ` to ${p.publicUrl.to}` : " back to the default"}`,
  [AUDIT.article.reopened]: ({ who, p }) => `${who} reopened the article — “${p.note}”`,
  [AUDIT.article.revised]: ({ who, p }) => {
    const counts = [p.anchored, p.changed, p.orphaned].every((count) => typeof count === "number")
      ? ` (${p.anchored} annotation(s) kept, ${p.changed} with changed words, ${p.orphaned} not placed)`
      : "";
    const revision = typeof p.number === "number" ? `revision ${p.number}` : "a revision";
    return `${who} added ${revision} of the article${p.note ? ` — “${p.note}”` : ""}${counts}`;
  },
  [AUDIT.annotation.created]: ({ who, p, named }) => `${who} tagged ${named}${quoted(p.quote)}`,
  [AUDIT.annotation.updated]: ({ who, p, subject }) => `${who} edited ${subject}${changeList(p)}${back(p)}`,
  [AUDIT.annotation.deleted]: ({ who, p, named }) => `${who} deleted ${named}${quoted(p.quote)}`,
  // Written for the reviser's revision, but about the annotation: the history reads "moved in revision 2".
  [AUDIT.annotation.reanchored]: ({ p, subject }) => {
    const to = isRecord(p.to) ? p.to : null;
    const from = isRecord(p.from) ? p.from : null;
    if (p.status === "ORPHANED" || !to) return `${capitalized(subject)} could not be placed ${inRevision(p)}`;
    if (p.refound === true) return `${capitalized(subject)} was found again ${inRevision(p)}${back(p.workflow)}`;
    if (p.status === "CHANGED")
      return `${capitalized(subject)} had its words changed ${inRevision(p)}: ${words(from?.quote)} → ${words(to.quote)}${back(p.workflow)}`;
    return `${capitalized(subject)} moved ${inRevision(p)}`;
  },
  [AUDIT.annotation.placed]: ({ who, p, subject }) =>
    `${capitalized(subject)} was placed by ${who} ${inRevision(p)}${isRecord(p.to) ? ` on ${words(p.to.quote)}` : ""}${back(p.workflow)}`,
  [AUDIT.annotation.basisChanged]: ({ who, p, subject }) => {
    const basedOn = isRecord(p.basedOn) ? p.basedOn : {};
    const label = typeof basedOn.label === "string" ? basedOn.label : "the annotation";
    const where = typeof basedOn.articleTitle === "string" ? ` in${quoted(basedOn.articleTitle)}` : "";
    const verdict = (value: unknown) =>
      verdictLabel(typeof value === "string" && value in VERDICT_SCALE ? (value as Verdict) : null);
    return `${who} changed the verdict of ${label}${where} from ${verdict(p.from)} to ${verdict(p.to)}; ${subject} reused it, so sign-off waits until its verdict is kept or changed`;
  },
  [AUDIT.annotation.submitted]: ({ who, subject }) => `${who} submitted ${subject} for review`,
  [AUDIT.annotation.approved]: ({ who, subject }) => `${who} approved ${subject}`,
  [AUDIT.annotation.changesRequested]: ({ who, p, subject }) =>
    `${who} requested changes to ${subject}${p.note ? ` — “${p.note}”` : ""}`,
  [AUDIT.source.added]: ({ who, p, subject }) => `${who} added a source to ${subject}${p.url ? ` (${p.url})` : ""}`,
  [AUDIT.source.updated]: ({ who, p, subject }) => `${who} edited a source of ${subject}${changeList(p)}`,
  [AUDIT.source.removed]: ({ who, p, subject }) =>
    `${who} removed a source from ${subject}${p.url ? ` (${p.url})` : ""}`,
  [AUDIT.comment.created]: ({ who, p, subject }) => `${who} commented on ${subject}${said(p.excerpt)}`,
  [AUDIT.comment.updated]: ({ who, p, subject }) => `${who} edited a comment on ${subject}${said(p.excerpt)}`,
  // An admin removing someone else's comment says whose it was.
  [AUDIT.comment.deleted]: ({ who, p, subject }) =>
    `${who} deleted a comment${typeof p.authorName === "string" && p.authorName ? ` by ${p.authorName}` : ""} on ${subject}${said(p.excerpt)}`,
  // Account events carry no article, so no article's log lists them.
  [AUDIT.user.created]: byName,
  [AUDIT.user.updated]: byName,
  [AUDIT.user.passwordChanged]: byName,
  [AUDIT.token.created]: byName,
  [AUDIT.token.revoked]: byName,
  [AUDIT.speaker.merged]: ({ who, p }) => {
    const name = (side: unknown) =>
      typeof side === "object" && side && "name" in side ? `“${String(side.name)}”` : "a speaker";
    return `${who} merged the speaker ${name(p.from)} into ${name(p.into)}`;
  },
  [AUDIT.speaker.updated]: ({ who, p }) => `${who} edited the speaker record “${String(p.name ?? "")}”`,
};

/**
 * One audit event as a sentence a fact-checker reads: "Ana approved the
 * annotation". `subject` names the annotation when the caller knows it (the
 * log view passes "claim “…”"), since events outlive deleted annotations.
 */
export function describeAuditEvent(event: AuditLike, subject = "the annotation"): string {
  const who = event.actor?.name ?? "The command line";
  const p = event.payload;
  const kind = typeof p.kind === "string" ? KIND_LABELS[p.kind as AnnotationKind]?.toLowerCase() : undefined;
  // Events since fixed numbers carry the number given at creation: "claim C3"; older ones only the kind.
  const named =
    kind && typeof p.number === "number" && p.number > 0
      ? `${kind} ${annotationLabel(p.kind as AnnotationKind, p.number)}`
      : kind
        ? `a ${kind}`
        : "an annotation";
  const told = { who, p, named, subject, action: event.action };
  return isAuditAction(event.action) ? SENTENCES[event.action](told) : byName(told);
}

/**
 * What an edit changed: ": verdict: False → Mostly true; rationale: “…” → “…”"
 * when the event kept values, " (verdict, denied claim)" for older events
 * that kept only the field names, nothing when neither.
 */
function changeList(p: Record<string, unknown>): string {
  const changes =
    p.changes && typeof p.changes === "object"
      ? Object.entries(p.changes as Record<string, unknown>).filter((entry): entry is [string, FieldChangeValue] =>
          isFieldChange(entry[1]),
        )
      : [];
  if (changes.length) {
    const label = p.label && typeof p.label === "object" ? (p.label as { from?: unknown; to?: unknown }) : undefined;
    return `: ${changes.map(([field, change]) => describeChange(field, change, field === "kind" ? label : undefined)).join("; ")}`;
  }
  const fields = Array.isArray(p.fields) ? [...new Set(p.fields.map((field) => fieldName(String(field))))] : [];
  return fields.length ? ` (${fields.join(", ")})` : "";
}
type FieldChangeValue = Parameters<typeof describeChange>[1];

export const verdictLabel = (verdict: Verdict | null | undefined) =>
  verdict ? VERDICT_SCALE[verdict].label : "No verdict";

/** "; it went back from approved to draft" when the event records a status change, else nothing. */
function back(change: unknown): string {
  if (!isRecord(change) || !change.to || change.from === change.to) return "";
  return `; it went back from ${STATUS_WORDS[String(change.from)]} to ${STATUS_WORDS[String(change.to)]}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
