import { ARTICLE_STATUSES, KIND_LABELS, type AnnotationKind, type ArticleStatus } from "@/lib/domain/annotation";
import { AUDIT, AUDIT_STREAM_EVENTS, type StreamedAs } from "@/lib/domain/audit-actions";
import {
  isDetailed,
  type AnnotationSummary,
  type AnnotationView,
  type ArticleSummaryView,
  type ReviewView,
} from "@/lib/views/article-view";
import { changedFields, type AnnotationDraft } from "../drafts";
import { excerpt } from "../model";
import { ARTICLE_STATUS_LABELS } from "../status";

/**
 * The workbench's shared state and how changes reach it: the live stream
 * (someone else's change), the user's own requests, and whole-article
 * re-reads. Pure, so the rules about never losing typed text are tested in
 * one place (apply-event.test.ts).
 *
 * The page brings each annotation as its summary; its details (note, sources,
 * last review…) are read when it is opened (putDetails), and any change that
 * brings the whole annotation (a live event, the user's own request's answer)
 * makes it whole as well (decision 028). An annotation is held whole or as a
 * summary (isDetailed tells), never half.
 */

/** What someone else did to an annotation this user is typing in; derived for the form, never stored. */
export type LiveNotice = { theirs: AnnotationView | null; by: string };

/** Unsaved work per annotation, kept while the panel shows another one: nothing typed is lost by switching. */
export type Work = { draft?: AnnotationDraft; kept?: AnnotationDraft; live?: LiveNotice };

export type ReviewState = { status: ArticleStatus; signOff: ReviewView | null; version: number };

/** Someone else changed fields this user is editing: their typing stays against the version it started from, so saving meets the conflict (409) instead of overwriting. */
export type Pin = { base: AnnotationView; by: string };

/** Deleted by someone else while this user had unsaved text in it: kept on screen so the text can be copied. */
export type Orphan = { annotation: AnnotationSummary; label: string; by: string };

export type WorkbenchState = {
  /** Summaries, or whole AnnotationViews once their details were read or a change brought them (isDetailed). */
  annotations: AnnotationSummary[];
  review: ReviewState;
  work: Record<string, Work>;
  pins: Record<string, Pin>;
  orphans: Record<string, Orphan>;
  /**
   * Someone else's change that a details read brought before its live event did: the version held before the read.
   * The event, when it comes, is no longer newer than what is held, yet it is still announced and flashed.
   */
  unannounced: Record<string, number>;
};

export type EventActor = { id: string; name: string } | null;
type Base = { actor: EventActor; at: string; action: string };

export type PresenceUser = { userId: string; name: string; annotationId: string | null; since: string };

export type LiveEvent =
  | { type: "ready"; connectionId: string; cursor: number }
  | ({ type: typeof AUDIT.annotation.created | typeof AUDIT.annotation.updated; annotation: AnnotationView } & Base)
  | ({ type: typeof AUDIT.annotation.deleted; id: string } & Base)
  | ({ type: typeof AUDIT.article.status; status: ArticleStatus; version: number; signOff: ReviewView | null } & Base)
  | {
      type: typeof AUDIT.comment.created | typeof AUDIT.comment.updated | typeof AUDIT.comment.deleted;
      data: Record<string, unknown>;
    }
  | ({ type: typeof REVISED; number: number | null } & Base)
  | { type: "presence"; users: PresenceUser[] }
  | { type: "resync"; reason: string }
  | { type: "noop" };

/** A new revision of the article (its data: the revision, the re-anchoring counts, the article's version): the workbench re-reads the article. */
export const REVISED = AUDIT.article.revised;

/** Every event name the stream sends: those made from audit actions (lib/domain/audit-actions.ts) and its own. */
export const EVENT_NAMES = [
  ...new Set<string>(["ready", ...AUDIT_STREAM_EVENTS, REVISED, "presence", "resync", "noop"]),
] as readonly string[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";

function actorOf(value: unknown): EventActor {
  return isObject(value) && isString(value.id) && isString(value.name) ? { id: value.id, name: value.name } : null;
}

function isAnnotation(value: unknown): value is AnnotationView {
  return (
    isObject(value) &&
    isString(value.id) &&
    typeof value.version === "number" &&
    typeof value.start === "number" &&
    typeof value.end === "number" &&
    isString(value.kind) &&
    isObject(value.createdBy)
  );
}

/** One stream message as a typed event; null for anything malformed or unknown (a newer server), which is then ignored. */
export function parseEvent(name: string, raw: string): LiveEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(data)) return null;
  const base = (): Base => ({
    actor: actorOf(data.actor),
    at: isString(data.at) ? data.at : "",
    action: isString(data.action) ? data.action : name,
  });
  switch (name) {
    case "ready":
      return isString(data.connectionId)
        ? { type: "ready", connectionId: data.connectionId, cursor: Number(data.cursor) || 0 }
        : null;
    case AUDIT.annotation.created:
    case AUDIT.annotation.updated:
      return isAnnotation(data.annotation) ? { type: name, ...base(), annotation: data.annotation } : null;
    case AUDIT.annotation.deleted:
      return isString(data.id) ? { type: name, ...base(), id: data.id } : null;
    case AUDIT.article.status:
      return (ARTICLE_STATUSES as readonly unknown[]).includes(data.status) && typeof data.version === "number"
        ? {
            type: name,
            ...base(),
            status: data.status as ArticleStatus,
            version: data.version,
            signOff: isObject(data.signOff) ? (data.signOff as ReviewView) : null,
          }
        : null;
    case AUDIT.comment.created:
    case AUDIT.comment.updated:
    case AUDIT.comment.deleted:
      return { type: name, data };
    case REVISED:
      // Without a readable number (a newer server's shape) the workbench re-reads anyway: a revision is never missed.
      return {
        type: REVISED,
        ...base(),
        number: isObject(data.revision) && typeof data.revision.number === "number" ? data.revision.number : null,
      };
    case "presence":
      return Array.isArray(data.users)
        ? {
            type: name,
            users: data.users
              .filter(
                (user): user is Record<string, unknown> =>
                  isObject(user) && isString(user.userId) && isString(user.name),
              )
              .map((user) => ({
                userId: user.userId as string,
                name: user.name as string,
                annotationId: isString(user.annotationId) ? user.annotationId : null,
                since: isString(user.since) ? user.since : "",
              })),
          }
        : null;
    case "resync":
      return { type: name, reason: isString(data.reason) ? data.reason : "" };
    case "noop":
      return { type: name };
    default:
      return null;
  }
}

export function initialState(
  article: Pick<ArticleSummaryView, "annotations" | "status" | "signOff" | "version">,
): WorkbenchState {
  return {
    annotations: article.annotations,
    review: { status: article.status, signOff: article.signOff, version: article.version },
    work: {},
    pins: {},
    orphans: {},
    unannounced: {},
  };
}

const without = <T>(record: Record<string, T>, id: string): Record<string, T> => {
  if (!(id in record)) return record;
  const { [id]: _gone, ...rest } = record;
  return rest;
};

const hasText = (work: Work | undefined) => Boolean(work?.draft || work?.kept);

/** What besides the annotations a change to one of them may touch: the unsaved work kept beside them. */
type Side = Pick<WorkbenchState, "work" | "pins" | "orphans">;

/**
 * Whether an annotation's newer state goes in, and what happens to unsaved
 * work in it; `current` is what is held now (the caller looks it up, so a
 * whole-article merge does so once per annotation). For the user's own
 * answers (`by` null) that is all: their draft rebases onto it, as before.
 * For someone else's change (`by` their name) unsaved typing is protected: a
 * draft that already matches is done; a change that leaves the edited fields
 * alone rebases silently (a source added, a review decision); anything else
 * pins the draft to the version it started from and says who changed it.
 * Null when nothing changes (an older or equal version, an orphan).
 */
function settle(
  side: Side,
  current: AnnotationSummary | undefined,
  view: AnnotationSummary,
  by: string | null,
): { side: Side; pinned: boolean } | null {
  if (side.orphans[view.id]) return null;
  if (current && (by === null ? view.version < current.version : view.version <= current.version)) return null;
  const work = side.work[view.id];
  if (by === null || !work?.draft) return { side, pinned: false };

  const pin = side.pins[view.id];
  // A draft is typed only into a whole annotation (the form waits for the details), so the one held is whole.
  const base = pin?.base ?? (current && isDetailed(current) ? current : undefined);
  // A newer summary (a re-read) cannot say which fields changed: the draft stays against the version it started from.
  if (!isDetailed(view))
    return base
      ? { side: { ...side, pins: { ...side.pins, [view.id]: { base, by } } }, pinned: true }
      : { side, pinned: false };
  if (changedFields(work.draft, view).length === 0) {
    // They saved what this user typed (or this user's own save from another tab): nothing left unsaved.
    return {
      side: {
        ...side,
        work: { ...side.work, [view.id]: { ...work, draft: undefined } },
        pins: without(side.pins, view.id),
      },
      pinned: false,
    };
  }
  // Their change left every field the form edits alone: the draft simply moves onto the new version.
  if (!base || (!pin && sameFields(base, view))) return { side, pinned: false };
  return { side: { ...side, pins: { ...side.pins, [view.id]: { base, by } } }, pinned: true };
}

/** Puts one annotation's newer state in place (see settle): one pass over the annotations. */
function put(
  state: WorkbenchState,
  view: AnnotationSummary,
  by: string | null,
): { state: WorkbenchState; changed: boolean; pinned: boolean } {
  const at = state.annotations.findIndex((annotation) => annotation.id === view.id);
  const current = at < 0 ? undefined : state.annotations[at];
  const settled = settle(state, current, view, by);
  if (!settled) return { state, changed: false, pinned: false };
  const annotations = [...state.annotations];
  if (current) annotations[at] = view;
  else annotations.push(view);
  return { state: { ...state, ...settled.side, annotations }, changed: true, pinned: settled.pinned };
}

/** Whether two versions of an annotation agree on every field the form edits. */
function sameFields(a: AnnotationView, b: AnnotationView): boolean {
  return (
    a.kind === b.kind &&
    a.speaker === b.speaker &&
    a.note === b.note &&
    a.verdict === b.verdict &&
    a.rationale === b.rationale &&
    a.deniesId === b.deniesId
  );
}

/** The unsaved work of an annotation taken away: text in it stays as an orphan the panel can still show. */
function release(side: Side, current: AnnotationSummary, by: string): { side: Side; orphaned: boolean } {
  const { id } = current;
  const keep = hasText(side.work[id]);
  return {
    side: {
      work: keep ? side.work : without(side.work, id),
      pins: without(side.pins, id),
      orphans: keep
        ? { ...side.orphans, [id]: { annotation: shownAs(side, current), label: current.label, by } }
        : side.orphans,
    },
    orphaned: keep,
  };
}

/** The database drops a deleted claim from its denials (ON DELETE SET NULL); mirror that here. */
const clearDenials = (annotations: AnnotationSummary[], gone: ReadonlySet<string>) =>
  annotations.map((annotation) =>
    annotation.deniesId !== null && gone.has(annotation.deniesId) ? { ...annotation, deniesId: null } : annotation,
  );

/** Takes an annotation away; unsaved text in it stays as an orphan the panel can still show. */
function drop(
  state: WorkbenchState,
  id: string,
  by: string,
): { state: WorkbenchState; gone: AnnotationSummary | null; orphaned: boolean } {
  const current = state.annotations.find((annotation) => annotation.id === id);
  if (!current) return { state, gone: null, orphaned: false };
  const released = release(state, current, by);
  const annotations = clearDenials(
    state.annotations.filter((annotation) => annotation.id !== id),
    new Set([id]),
  );
  return { state: { ...state, ...released.side, annotations }, gone: current, orphaned: released.orphaned };
}

/** An annotation the user's own request created or changed (the answer of POST, PATCH, a source change…). */
export function putOwn(state: WorkbenchState, view: AnnotationView): WorkbenchState {
  return put(state, view, null).state;
}

/**
 * An annotation's details as read when it was opened: the summary held becomes the whole annotation at the same
 * version or a newer one. A read older than what is held (a live change overtook it) changes nothing: the one held
 * is newer, and whole if a live event brought it (otherwise the panel reads it again). A newer read over a whole
 * one is someone else's change, with the usual care for unsaved typing.
 */
export function putDetails(state: WorkbenchState, view: AnnotationView): WorkbenchState {
  const at = state.annotations.findIndex((annotation) => annotation.id === view.id);
  if (at < 0) return state;
  const held = state.annotations[at];
  const unannounced =
    view.version > held.version ? { ...state.unannounced, [view.id]: held.version } : state.unannounced;
  if (isDetailed(held) || view.version < held.version) {
    const result = put(state, view, "Someone");
    return result.changed ? { ...result.state, unannounced } : result.state;
  }
  const annotations = [...state.annotations];
  annotations[at] = view;
  return { ...state, annotations, unannounced };
}

/** The user deleted it, or closed an annotation someone else deleted: it and any unsaved text in it go. */
export function removeAnnotation(state: WorkbenchState, id: string): WorkbenchState {
  return {
    ...state,
    annotations: clearDenials(
      state.annotations.filter((annotation) => annotation.id !== id),
      new Set([id]),
    ),
    work: without(state.work, id),
    pins: without(state.pins, id),
    orphans: without(state.orphans, id),
  };
}

/** The form's unsaved work changed; once no draft is left, nothing is pinned any more. */
export function setWork(state: WorkbenchState, id: string, entry: Work): WorkbenchState {
  const { live: _derived, ...stored } = entry;
  return { ...state, work: { ...state.work, [id]: stored }, pins: stored.draft ? state.pins : without(state.pins, id) };
}

/**
 * The whole article as the server answered it (a re-read, a sign-off). Newer
 * versions replace older ones annotation by annotation, with the same care for
 * unsaved typing as live events (`by` says whose changes they may be). Linear:
 * each annotation is looked up once in an index by id, and the list is rebuilt
 * once, however many changed (10,000 annotations must not cost 10,000 passes).
 */
export function mergeArticle(
  state: WorkbenchState,
  view: Pick<ArticleSummaryView, "annotations" | "status" | "signOff" | "version">,
  by: string,
): WorkbenchState {
  const review =
    view.version >= state.review.version
      ? { status: view.status, signOff: view.signOff, version: view.version }
      : state.review;
  const held = new Map(state.annotations.map((annotation) => [annotation.id, annotation]));
  let side: Side = state;
  const replaced = new Map<string, AnnotationSummary>();
  const added: AnnotationSummary[] = [];
  for (const annotation of view.annotations) {
    const current = held.get(annotation.id);
    const settled = settle(side, current, annotation, by);
    if (!settled) continue;
    side = settled.side;
    if (current) replaced.set(annotation.id, annotation);
    else added.push(annotation);
  }
  const present = new Set(view.annotations.map((annotation) => annotation.id));
  const gone = new Set<string>();
  for (const annotation of state.annotations) {
    if (present.has(annotation.id)) continue;
    gone.add(annotation.id);
    side = release(side, annotation, by).side;
  }
  if (!replaced.size && !added.length && !gone.size) return review === state.review ? state : { ...state, review };
  const kept: AnnotationSummary[] = [];
  for (const annotation of state.annotations)
    if (!gone.has(annotation.id)) kept.push(replaced.get(annotation.id) ?? annotation);
  kept.push(...added);
  return { ...state, ...side, review, annotations: gone.size ? clearDenials(kept, gone) : kept };
}

/** What the panel shows and the form edits: for a pinned draft, the fields and version the typing started from, with everything else (sources, status) as it is now. */
export function panelAnnotation(state: WorkbenchState, id: string): AnnotationSummary | null {
  const orphan = state.orphans[id];
  if (orphan) return orphan.annotation;
  const latest = state.annotations.find((annotation) => annotation.id === id);
  return latest ? shownAs(state, latest) : null;
}

/** An annotation held as the panel shows it (see panelAnnotation). */
function shownAs(side: Side, latest: AnnotationSummary): AnnotationSummary {
  const pin = side.pins[latest.id];
  if (!pin || !side.work[latest.id]?.draft || !isDetailed(latest)) return latest;
  const { base } = pin;
  const shown: AnnotationView = {
    ...latest,
    kind: base.kind,
    speaker: base.speaker,
    note: base.note,
    verdict: base.verdict,
    rationale: base.rationale,
    deniesId: base.deniesId,
    version: base.version,
  };
  return shown;
}

/** The live news the open form should show, if any. */
export function liveNotice(state: WorkbenchState, id: string): LiveNotice | undefined {
  const orphan = state.orphans[id];
  if (orphan) return { theirs: null, by: orphan.by };
  const pin = state.pins[id];
  const latest = state.annotations.find((annotation) => annotation.id === id);
  // What pinned the draft was someone else's whole annotation (a live event): it is held whole.
  return pin && latest && isDetailed(latest) && state.work[id]?.draft ? { theirs: latest, by: pin.by } : undefined;
}

const withArticle = (kind: AnnotationKind) => `${kind === "ANALYSIS" ? "an" : "a"} ${KIND_LABELS[kind].toLowerCase()}`;

type Verb = (name: string, what: string) => string;

/** How each action that arrives as an annotation's update is announced (a plain edit: "updated"); a new such action needs one here. */
const UPDATE_VERBS: Record<
  Exclude<StreamedAs<typeof AUDIT.annotation.updated>, typeof AUDIT.annotation.updated>,
  Verb
> = {
  [AUDIT.annotation.submitted]: (name, what) => `${name} sent ${what} to review`,
  [AUDIT.annotation.approved]: (name, what) => `${name} approved ${what}`,
  [AUDIT.annotation.changesRequested]: (name, what) => `${name} asked for changes to ${what}`,
  [AUDIT.annotation.placed]: (name, what) => `${name} placed ${what} in the text`,
  [AUDIT.annotation.basisChanged]: (name, what) =>
    `${name} changed the verdict that ${what} reused, in another article: keep its verdict or change it`,
  [AUDIT.source.added]: (name, what) => `${name} added a source to ${what}`,
  [AUDIT.source.updated]: (name, what) => `${name} updated a source of ${what}`,
  [AUDIT.source.removed]: (name, what) => `${name} removed a source from ${what}`,
};
/** Looked up by the event's stored action, which may be any string. */
const verbOf: Partial<Record<string, Verb>> = UPDATE_VERBS;

export type Applied = {
  state: WorkbenchState;
  /** For the polite live region; never for the user's own changes (their own request already said so). */
  announce?: string;
  /** Highlights to flash briefly. */
  flash?: string[];
};

/** The name used for a change: the actor's, "You (elsewhere)" for the user's own from another tab or a script, "Someone" when unknown. */
export function actorName(actor: EventActor, selfId: string): string {
  if (!actor) return "Someone";
  return actor.id === selfId ? "You (elsewhere)" : actor.name;
}

/**
 * One annotation or article event applied. Versions decide: an event not
 * newer than what is held (the echo of the user's own change, a replay) is
 * ignored. Announcements and flashes are for other people's changes only.
 */
export function applyEvent(state: WorkbenchState, event: LiveEvent, selfId: string): Applied {
  switch (event.type) {
    case AUDIT.annotation.created:
    case AUDIT.annotation.updated: {
      const by = actorName(event.actor, selfId);
      const own = event.actor?.id === selfId;
      const view = event.annotation;
      const existed = state.annotations.some((annotation) => annotation.id === view.id);
      const heardBefore = state.unannounced[view.id];
      const result = put(state, view, by);
      // A details read may have brought this change in silently: it is still someone's change to say and flash.
      const readAhead = heardBefore !== undefined && view.version > heardBefore;
      const heldVersion = result.state.annotations.find((annotation) => annotation.id === view.id)?.version ?? 0;
      const next =
        readAhead && view.version >= heldVersion
          ? { ...result.state, unannounced: without(result.state.unannounced, view.id) }
          : result.state;
      if (!(result.changed || readAhead) || own) return { state: next };
      let announce: string;
      if (!existed) announce = `${by} added ${withArticle(view.kind)} “${excerpt(view.quote, 60)}”`;
      else {
        const what = `${KIND_LABELS[view.kind].toLowerCase()} ${view.label}`;
        announce = (verbOf[event.action] ?? ((name: string, thing: string) => `${name} updated ${thing}`))(by, what);
        if (result.pinned) announce += ". Your unsaved changes to it are kept: review before saving";
      }
      return { state: next, announce, flash: [view.id] };
    }
    case AUDIT.annotation.deleted: {
      const by = actorName(event.actor, selfId);
      const result = drop(state, event.id, by);
      if (!result.gone || event.actor?.id === selfId) return { state: result.state };
      const announce = `${by} deleted ${withArticle(result.gone.kind)}${result.orphaned ? ". Your unsaved text in it is still in the panel" : ""}`;
      return { state: result.state, announce };
    }
    case AUDIT.article.status: {
      if (event.version <= state.review.version) return { state };
      const next = { ...state, review: { status: event.status, signOff: event.signOff, version: event.version } };
      if (event.actor?.id === selfId || event.status === state.review.status) return { state: next };
      const by = actorName(event.actor, selfId);
      const announce =
        event.status === "SIGNED_OFF"
          ? `Article signed off by ${event.signOff?.reviewer.name ?? by}`
          : event.action === AUDIT.article.reopened
            ? `Article reopened by ${by}`
            : `Article is now ${ARTICLE_STATUS_LABELS[event.status].toLowerCase()}`;
      return { state: next, announce };
    }
    default:
      return { state };
  }
}
