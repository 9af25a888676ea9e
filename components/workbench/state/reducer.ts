import { KIND_LABELS } from "@/lib/domain/annotation";
import { AUDIT } from "@/lib/domain/audit-actions";
import type { AnnotationView, ArticleSummaryView, RevisionSummary, RevisionView } from "@/lib/views/article-view";
import { nextToJudge, type RolePermissions, type WorkbenchActor, type WorkbenchPermissions } from "../access";
import type { IndexView } from "../index-list";
import {
  applyEvent,
  initialState,
  mergeArticle,
  putDetails,
  putOwn,
  removeAnnotation,
  setWork,
  type LiveEvent,
  type Work,
  type WorkbenchState,
} from "../live/apply-event";
import { labelsFor } from "../model";
import { arrivalText, openWork } from "../revisions";
import { onRevision } from "./on-revision";

/**
 * The whole workbench's state in one reducer: the annotations and unsaved work
 * (changed by the pure functions of live/apply-event.ts), what is open, the
 * list's search and page, flashes, the one announcement, and comment drafts.
 * Pure: what a change announces or flashes is computed here, from the same
 * result that changes the state, so a live event is applied exactly once.
 */
export type Announcement = { text: string; serial: number };

/** Focus the panel's heading after a render, scrolling the highlight of `scrollTo` into view first. */
export type FocusRequest = { serial: number; scrollTo?: string };

export type Store = {
  data: WorkbenchState;
  /** The open revision (always the newest) and every revision's summary: a new revision replaces both. */
  revision: RevisionView;
  history: RevisionSummary[];
  actor: WorkbenchActor;
  rolePermissions: RolePermissions;
  openId: string | null;
  /** Highlights flashing after someone else's change, each with the serial of its flash (a later flash outlives an earlier one's timer). */
  flashes: Record<string, number>;
  /** The last flash's serial: a timer ends it (see WorkbenchProvider). */
  flashSerial: number;
  indexView: IndexView;
  announcement: Announcement;
  focus: FocusRequest;
  /** Bumped when someone else's deletion closed the open annotation: focus returns to the text if it was in the panel. */
  closedByLive: number;
  /** "Approve and next" found nothing more here: the queue is asked (an effect, see WorkbenchProvider). */
  queueLookup: { serial: number; afterId: string } | null;
  /** Annotations whose details could not be read (the panel says so, with a retry); `reads`: bumped by each read's end. */
  details: { failed: Record<string, true>; reads: number };
  comments: {
    /** Typed, unposted comment text for the life of the page: `new:<annotationId>` and `edit:<commentId>`. */
    drafts: Record<string, string>;
    /** Per annotation, bumped by each comment change someone else made: its thread reads the comments again. */
    changed: Record<string, number>;
  };
};

export type Action =
  | { type: "live"; event: LiveEvent }
  /** `revised`: a new revision arrived from the stream; the message then says what it left to do. */
  | { type: "merge"; view: ArticleSummaryView; message?: string; revised?: boolean }
  /** An annotation's details as read when it was opened (or prefetched); `failed`: the read failed, with nothing to put. */
  | { type: "details"; id: string; view: AnnotationView | null }
  | { type: "details-retry"; id: string }
  | { type: "put"; view: AnnotationView; message?: string; statusBefore?: AnnotationView["status"] }
  | { type: "remove"; id: string; message?: string }
  | { type: "work"; id: string; entry: Work }
  | { type: "open"; id: string | null; focus?: { scroll: boolean } }
  | { type: "unflash"; serial: number }
  | { type: "announce"; message: string }
  | { type: "silence" }
  | { type: "index"; view: IndexView }
  | { type: "approved-next"; afterId: string }
  | { type: "queue-done" }
  | { type: "comment-draft"; key: string; text: string };

const BACK_TO_DRAFT: Partial<Record<AnnotationView["status"], string>> = {
  APPROVED: "Back to draft: an approved annotation needs review again after a change of substance",
  SUBMITTED: "Back to draft: submit it again after a change of substance; someone other than you reviews it",
};

export function initialStore(
  article: Pick<ArticleSummaryView, "annotations" | "status" | "signOff" | "version" | "revision" | "history">,
  actor: WorkbenchActor,
  rolePermissions: RolePermissions,
): Store {
  return {
    data: initialState(article),
    revision: article.revision,
    history: article.history,
    actor,
    rolePermissions,
    openId: null,
    flashes: {},
    flashSerial: 0,
    indexView: { query: "", page: 1 },
    announcement: { text: "", serial: 0 },
    focus: { serial: 0 },
    closedByLive: 0,
    queueLookup: null,
    details: { failed: {}, reads: 0 },
    comments: { drafts: {}, changed: {} },
  };
}

/** The role's permissions with the article's lock: a signed-off article takes no changes. */
export const permissionsOf = (store: Pick<Store, "data" | "rolePermissions">): WorkbenchPermissions => ({
  ...store.rolePermissions,
  locked: store.data.review.status === "SIGNED_OFF",
});

const announced = (store: Store, message: string | undefined): Store =>
  message ? { ...store, announcement: { text: message, serial: store.announcement.serial + 1 } } : store;

const opened = (store: Store, id: string | null, focus?: { scroll: boolean }): Store => ({
  ...store,
  openId: id,
  focus: id && focus ? { serial: store.focus.serial + 1, scrollTo: focus.scroll ? id : undefined } : store.focus,
});

/** The store with new data, or the same store when nothing changed (React then skips the render). */
const withData = (store: Store, data: WorkbenchState): Store => (data === store.data ? store : { ...store, data });

const withoutKey = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
};

function live(store: Store, event: LiveEvent): Store {
  switch (event.type) {
    case AUDIT.comment.created:
    case AUDIT.comment.updated:
    case AUDIT.comment.deleted: {
      const annotationId = event.data.annotationId;
      const actor = event.data.actor as { id?: unknown } | null | undefined;
      // The user's own changes are on screen already; only others' make the thread read again.
      if (typeof annotationId !== "string" || actor?.id === store.actor.id) return store;
      const changed = { ...store.comments.changed, [annotationId]: (store.comments.changed[annotationId] ?? 0) + 1 };
      return { ...store, comments: { ...store.comments, changed } };
    }
  }
  const result = applyEvent(store.data, event, store.actor.id);
  let next = withData(store, result.state);
  next = announced(next, result.announce);
  if (result.flash) {
    const serial = next.flashSerial + 1;
    next = {
      ...next,
      flashSerial: serial,
      flashes: { ...next.flashes, ...Object.fromEntries(result.flash.map((id) => [id, serial])) },
    };
  }
  // The open annotation is gone (with nothing typed in it): back to the list.
  if (event.type === AUDIT.annotation.deleted && event.id === store.openId && !result.state.orphans[event.id])
    next = { ...next, openId: null, closedByLive: next.closedByLive + 1 };
  return next;
}

/**
 * The whole article as the server answered it: newer versions win, unsaved typing is kept. A newer revision replaces
 * the text, and every annotation's place comes from the answer (see onRevision).
 */
function merged(
  store: Store,
  view: ArticleSummaryView,
  message: string | undefined,
  revised: boolean | undefined,
): Store {
  const newer = view.revision.number > store.revision.number;
  const base = newer ? onRevision(store.data, view.annotations) : store.data;
  const data = mergeArticle(base, view, "Someone");
  const next = newer ? { ...store, data, revision: view.revision, history: view.history } : withData(store, data);
  const arrived =
    newer && revised ? arrivalText(view.revision.number, openWork(data.annotations, view.revision.id)) : "";
  return announced(next, arrived || message);
}

export function reducer(store: Store, action: Action): Store {
  switch (action.type) {
    case "live":
      return live(store, action.event);
    case "merge":
      return merged(store, action.view, action.message, action.revised);
    case "put": {
      // The caller knows the status its request started from; the live echo of that very request may already be held.
      const before =
        action.statusBefore ?? store.data.annotations.find((annotation) => annotation.id === action.view.id)?.status;
      const next = withData(store, putOwn(store.data, action.view));
      // Saying so matters: the article cannot be signed off until it is reviewed again.
      const back = before && action.view.status === "DRAFT" ? BACK_TO_DRAFT[before] : undefined;
      return announced(next, back ? `${action.message ? `${action.message}. ` : ""}${back}` : action.message);
    }
    case "remove":
      return announced({ ...store, data: removeAnnotation(store.data, action.id), openId: null }, action.message);
    case "work":
      return withData(store, setWork(store.data, action.id, action.entry));
    case "details": {
      const next = action.view ? withData(store, putDetails(store.data, action.view)) : store;
      const failed = action.view
        ? withoutKey(store.details.failed, action.id)
        : { ...store.details.failed, [action.id]: true as const };
      return { ...next, details: { failed, reads: store.details.reads + 1 } };
    }
    case "details-retry": {
      const failed = withoutKey(store.details.failed, action.id);
      return failed === store.details.failed ? store : { ...store, details: { ...store.details, failed } };
    }
    case "open":
      return opened(store, action.id, action.focus);
    case "unflash": {
      const flashes = Object.fromEntries(
        Object.entries(store.flashes).filter(([, serial]) => serial !== action.serial),
      );
      return Object.keys(flashes).length === Object.keys(store.flashes).length ? store : { ...store, flashes };
    }
    case "announce":
      return announced(store, action.message);
    case "silence":
      return store.announcement.text ? { ...store, announcement: { ...store.announcement, text: "" } } : store;
    case "index":
      return { ...store, indexView: action.view };
    case "approved-next": {
      // "Approve and next": the next annotation here this user may review, else the review queue is asked.
      const { annotations } = store.data;
      const next = nextToJudge(permissionsOf(store), store.actor, annotations, action.afterId);
      if (!next)
        return { ...store, queueLookup: { serial: (store.queueLookup?.serial ?? 0) + 1, afterId: action.afterId } };
      return announced(
        opened(store, next.id, { scroll: true }),
        `Approved. Next: ${labelsFor(annotations).get(next.id)} ${KIND_LABELS[next.kind].toLowerCase()}`,
      );
    }
    case "queue-done":
      return store.queueLookup ? { ...store, queueLookup: null } : store;
    case "comment-draft": {
      const drafts = action.text
        ? { ...store.comments.drafts, [action.key]: action.text }
        : withoutKey(store.comments.drafts, action.key);
      return drafts === store.comments.drafts ? store : { ...store, comments: { ...store.comments, drafts } };
    }
  }
}
