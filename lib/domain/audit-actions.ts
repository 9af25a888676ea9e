import type { AnchorStatus, AnnotationKind, AnnotationStatus, ArticleStatus, Verdict } from "./annotation";
import type { FieldChange } from "./audit-changes";
import type { Role } from "./permissions";

/**
 * Every audit action, written out once: the writer (lib/server/audit/record-audit-event.ts), the
 * log's sentences (audit-text.ts), the event stream (lib/realtime/article-events.ts)
 * and the workbench's live updates refer to these names, so a misspelt or
 * unknown action fails the type check. Plain constants and types, no zod:
 * client components import this module.
 */
export const AUDIT = {
  article: {
    created: "article.created",
    updated: "article.updated",
    status: "article.status",
    signedOff: "article.signed_off",
    reopened: "article.reopened",
    revised: "article.revised",
  },
  annotation: {
    created: "annotation.created",
    updated: "annotation.updated",
    deleted: "annotation.deleted",
    submitted: "annotation.submitted",
    approved: "annotation.approved",
    changesRequested: "annotation.changes_requested",
    reanchored: "annotation.reanchored",
    placed: "annotation.placed",
    basisChanged: "annotation.basis_changed",
  },
  source: { added: "source.added", updated: "source.updated", removed: "source.removed" },
  comment: { created: "comment.created", updated: "comment.updated", deleted: "comment.deleted" },
  // Accounts: written without an article, so no article's log or stream shows them.
  user: { created: "user.created", updated: "user.updated", passwordChanged: "user.password-changed" },
  token: { created: "token.created", revoked: "token.revoked" },
  // The desk's speaker records: across articles, so written without one.
  speaker: { merged: "speaker.merged", updated: "speaker.updated" },
} as const;

type Groups = typeof AUDIT;
export type AuditAction = { [G in keyof Groups]: Groups[G][keyof Groups[G]] }[keyof Groups];

export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT).flatMap((group): AuditAction[] =>
  Object.values(group),
);

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Whether a stored action is one this code writes (older or foreign rows may hold others). */
export const isAuditAction = (action: string): action is AuditAction => KNOWN.has(action);

/** An annotation's status change caused by the edit, when there was one (recordSubstanceChange). */
type StatusChange = { from?: AnnotationStatus; to?: AnnotationStatus };
type ArticleMove = { from: ArticleStatus; to: ArticleStatus };
type ReviewMove = { from: AnnotationStatus; to: AnnotationStatus; version: number };
type SourceRef = { sourceId: string; url: string; version: number } & StatusChange;
type CommentRef = { commentId: string; version: number; excerpt: string };
type UserState = { name: string; role: Role; active: boolean };
type TokenRef = { tokenId: string; name: string };
type SpeakerProfile = { name?: string; role?: string | null; affiliation?: string | null; description?: string | null };
/** Where an annotation stood: offsets into the revision it named then, and its words there. */
type SpanRef = { start: number; end: number; quote: string };
type Reanchoring = { anchored: number; changed: number; orphaned: number };

/**
 * What each action records in its payload when written now. Rows written by
 * older code may lack fields (annotation numbers came later), so readers of
 * stored payloads still check what they use.
 */
type AuditPayloads = {
  [AUDIT.article.created]:
    { title: string; format: "html" | "text"; characters: number } | { title: string; demo: true };
  [AUDIT.article.updated]: { fields: "publicUrl"[]; publicUrl: { from: string | null; to: string | null } };
  [AUDIT.article.status]: ArticleMove;
  [AUDIT.article.signedOff]: ArticleMove & { note: string | null };
  [AUDIT.article.reopened]: ArticleMove & { note: string | null };
  // A new revision (number, the reviser's note) and what re-anchoring made of the annotations.
  [AUDIT.article.revised]: {
    revisionId: string;
    number: number;
    note: string | null;
    characters: number;
    version: number;
  } & Reanchoring;
  // The demo seed keeps no quote.
  [AUDIT.annotation.created]: { kind: AnnotationKind; number: number; quote?: string; version: number };
  // An edit (before → after per field; the label, or its change with the kind) or, with `reason`, a denial unlinked from a deleted claim.
  [AUDIT.annotation.updated]: (
    | {
        fields: string[];
        changes: Record<string, FieldChange>;
        label: string | { from: string; to: string };
        version: number;
      }
    | { fields: "deniesId"[]; reason: string; version: number }
  ) &
    StatusChange;
  [AUDIT.annotation.deleted]: { kind: AnnotationKind; number: number; quote: string; version: number };
  [AUDIT.annotation.submitted]: ReviewMove;
  [AUDIT.annotation.approved]: ReviewMove & { note: string | null };
  [AUDIT.annotation.changesRequested]: ReviewMove & { note: string | null };
  // One per annotation a revision moved, changed or orphaned: `revision` is the new one's number, `to` null when not
  // placed; `workflow` the status change (a CHANGED one goes back to review).
  [AUDIT.annotation.reanchored]: {
    revision: number;
    status: AnchorStatus;
    from: SpanRef;
    to: SpanRef | null;
    score: number;
    version: number;
    workflow?: StatusChange;
    /** An orphan of an earlier revision whose exact words came back in this one. */
    refound?: true;
  };
  // An orphan (or a CHANGED one) put on words of the current revision by an editor.
  [AUDIT.annotation.placed]: { revision: number; to: SpanRef; version: number; workflow?: StatusChange };
  // The verdict this annotation reused was changed in the earlier one's article (written there, after that commit).
  [AUDIT.annotation.basisChanged]: {
    basedOn: { id: string; label: string; articleId: string; articleTitle: string };
    from: Verdict | null;
    to: Verdict | null;
    version: number;
  };
  [AUDIT.source.added]: SourceRef;
  [AUDIT.source.updated]: SourceRef & { fields: string[]; changes: Record<string, FieldChange> };
  [AUDIT.source.removed]: SourceRef;
  [AUDIT.comment.created]: CommentRef;
  [AUDIT.comment.updated]: CommentRef;
  // Moderation (someone else's comment) names whose words were removed.
  [AUDIT.comment.deleted]: CommentRef & { authorId?: string; authorName?: string };
  [AUDIT.user.created]: { userId: string; email: string; role: Role };
  [AUDIT.user.updated]: { userId: string; from: UserState; to: UserState };
  [AUDIT.user.passwordChanged]: { userId: string; sessionsEnded: number };
  [AUDIT.token.created]: TokenRef;
  [AUDIT.token.revoked]: TokenRef;
  /** `from` was merged into `into` and deleted: its annotations moved, its names became aliases. */
  [AUDIT.speaker.merged]: {
    into: { id: string; name: string };
    from: { id: string; name: string };
    annotations: number;
    aliases: string[];
  };
  /** The fields changed, before and after (a renamed record keeps its old name as an alias). */
  [AUDIT.speaker.updated]: { speakerId: string; name: string; from: SpeakerProfile; to: SpeakerProfile };
};

/** The payload an action records (an action without an entry above fails the type check here). */
export type AuditPayload<A extends AuditAction> = AuditPayloads[A];

/**
 * The live stream event each action becomes (lib/realtime/article-events.ts),
 * carrying the entity's current state; null: none (the stream sends a "noop"
 * that only moves the client's cursor). Whatever changes an annotation arrives
 * as its update, every article transition as its status.
 */
export const STREAM_EVENT_OF = {
  [AUDIT.article.created]: null,
  [AUDIT.article.updated]: null,
  [AUDIT.article.status]: AUDIT.article.status,
  [AUDIT.article.signedOff]: AUDIT.article.status,
  [AUDIT.article.reopened]: AUDIT.article.status,
  // The workbench re-reads the whole article once: every annotation may have moved.
  [AUDIT.article.revised]: AUDIT.article.revised,
  [AUDIT.annotation.created]: AUDIT.annotation.created,
  [AUDIT.annotation.updated]: AUDIT.annotation.updated,
  [AUDIT.annotation.deleted]: AUDIT.annotation.deleted,
  [AUDIT.annotation.submitted]: AUDIT.annotation.updated,
  [AUDIT.annotation.approved]: AUDIT.annotation.updated,
  [AUDIT.annotation.changesRequested]: AUDIT.annotation.updated,
  // Arrives with the article.revised that caused it, which re-reads everything.
  [AUDIT.annotation.reanchored]: null,
  [AUDIT.annotation.placed]: AUDIT.annotation.updated,
  [AUDIT.annotation.basisChanged]: AUDIT.annotation.updated,
  [AUDIT.source.added]: AUDIT.annotation.updated,
  [AUDIT.source.updated]: AUDIT.annotation.updated,
  [AUDIT.source.removed]: AUDIT.annotation.updated,
  [AUDIT.comment.created]: AUDIT.comment.created,
  [AUDIT.comment.updated]: AUDIT.comment.updated,
  [AUDIT.comment.deleted]: AUDIT.comment.deleted,
  [AUDIT.user.created]: null,
  [AUDIT.user.updated]: null,
  [AUDIT.user.passwordChanged]: null,
  [AUDIT.token.created]: null,
  [AUDIT.token.revoked]: null,
  [AUDIT.speaker.merged]: null,
  [AUDIT.speaker.updated]: null,
} as const satisfies Record<AuditAction, AuditAction | null>;

/** The stream's events made from audit actions (the stream has a few of its own besides: ready, presence…). */
export type AuditStreamEvent = NonNullable<(typeof STREAM_EVENT_OF)[AuditAction]>;

/** The actions that arrive as stream event E. */
export type StreamedAs<E extends AuditStreamEvent> = {
  [A in AuditAction]: (typeof STREAM_EVENT_OF)[A] extends E ? A : never;
}[AuditAction];

export const AUDIT_STREAM_EVENTS: readonly AuditStreamEvent[] = [
  ...new Set(AUDIT_ACTIONS.map((action) => STREAM_EVENT_OF[action]).filter((event) => event !== null)),
];

/** The stream event a stored action becomes; null for none or an action this code does not know. */
export const streamEventOf = (action: string): AuditStreamEvent | null =>
  isAuditAction(action) ? STREAM_EVENT_OF[action] : null;

/** The actions that arrive as any of `events`, for looking stored rows up by their action. */
export const actionsStreamedAs = (...events: AuditStreamEvent[]): ReadonlySet<string> =>
  new Set(AUDIT_ACTIONS.filter((action) => (events as (AuditStreamEvent | null)[]).includes(STREAM_EVENT_OF[action])));
