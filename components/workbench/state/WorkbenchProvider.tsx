"use client";

import { useRouter } from "next/navigation";
import {
  createContext,
  use,
  useEffect,
  useEffectEvent,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import { AUDIT } from "@/lib/domain/audit-actions";
import { isDetailed, type AnnotationView, type ArticleSummaryView, type ArticleView } from "@/lib/views/article-view";
import { REVIEW_QUEUE_CHANGED } from "../../ReviewCount";
import { mayCreate, type RolePermissions, type WorkbenchActor, type WorkbenchPermissions } from "../access";
import type { IndexView } from "../index-list";
import { REVISED, type Work } from "../live/apply-event";
import type { EventHandler } from "../live/useArticleEvents";
import { labelsFor } from "../model";
import { fetchAnnotation, fetchArticleSummaries, nextInQueue } from "../requests";
import { initialStore, reducer, type Store } from "./reducer";

/** How long a highlight changed by someone else stays marked (the CSS animation is 1.5 s). */
const FLASH_MS = 1600;

/** What the workbench reads: the store and what follows from it. A new value with every change. */
export type WorkbenchView = {
  store: Store;
  /** The page's article (annotations as summaries) with the open revision and history as they are now. */
  article: ArticleSummaryView;
  labels: Map<string, string>;
  permissions: WorkbenchPermissions;
  canCreate: boolean;
  actor: WorkbenchActor;
  publicBase: string | null;
};

/** How the workbench changes: the same functions for the whole life of the page. */
export type WorkbenchActions = {
  openAnnotation: (id: string | null, focus?: { scroll: boolean }) => void;
  closePanel: () => void;
  /** An annotation as the user's own request answered it; `statusBefore`: the status the request started from. */
  replace: (view: AnnotationView, message?: string, statusBefore?: AnnotationView["status"]) => void;
  remove: (id: string, message?: string) => void;
  setWork: (id: string, entry: Work) => void;
  /** The whole article as the server answered it (sign-off, reopen, a re-read). */
  applyArticle: (view: ArticleView, message?: string) => void;
  /** Re-reads the article: a submission may have moved it into review, a 409 says the page is behind, the stream may have missed changes. `revised`: a new revision arrived, say what it left to do; `message`: what to say once it is applied. */
  refresh: (options?: { revised?: boolean; message?: string }) => Promise<void>;
  /**
   * Reads an annotation's details (the page carries summaries: decision 028), once at a time per annotation.
   * `quiet`: a prefetch, whose failure says nothing (opening it reads again).
   */
  loadDetails: (id: string, options?: { quiet?: boolean }) => void;
  /** "Approve and next" after approving `afterId`. */
  reviewNext: (afterId: string) => void;
  announce: (message: string) => void;
  setIndexView: (view: IndexView) => void;
  setCommentDraft: (key: string, text: string) => void;
  /** Everyone else's changes, as the stream delivers them (useArticleEvents). */
  live: EventHandler;
};

/** The elements focus moves between: the article text, the panel's heading, the panel. */
export type WorkbenchRefs = {
  text: RefObject<HTMLDivElement | null>;
  heading: RefObject<HTMLHeadingElement | null>;
  panel: RefObject<HTMLElement | null>;
};

// Two contexts: the actions never change, so what only acts (or only feeds the memoized text) is not re-rendered by state.
const ViewContext = createContext<WorkbenchView | null>(null);
const ActionsContext = createContext<WorkbenchActions | null>(null);
const RefsContext = createContext<WorkbenchRefs | null>(null);

type Props = {
  article: ArticleSummaryView;
  actor: WorkbenchActor;
  permissions: RolePermissions;
  publicBase: string | null;
  children: ReactNode;
};

export function WorkbenchProvider({ article, actor, permissions: rolePermissions, publicBase, children }: Props) {
  const router = useRouter();
  const [store, dispatch] = useReducer(reducer, undefined, () => initialStore(article, actor, rolePermissions));
  const textRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Live changes received so far, counted as they arrive (not mirrored from state): a re-read that overlapped one is read again,
  // so it cannot undo a creation or deletion it did not see.
  const liveSerial = useRef(0);
  // The open revision's number, for the stream's handler (which never changes): a revision already on screen is not read again.
  const revisionNumber = useRef(article.revision.number);
  const articleId = article.id;
  const actorId = actor.id;
  // Details being read, so opening, prefetching and a retry never read the same annotation twice at once.
  const reading = useRef(new Set<string>());

  const actions = useMemo<WorkbenchActions>(() => {
    const applyArticle = (view: ArticleView, message?: string) => dispatch({ type: "merge", view, message });
    const refresh = async ({ revised = false, message }: { revised?: boolean; message?: string } = {}) => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const serial = liveSerial.current;
        let view: ArticleSummaryView;
        try {
          // Summaries, as the page carries them: what is held whole stays so unless the re-read finds it newer.
          view = await fetchArticleSummaries(articleId);
        } catch {
          // The action's own message already says what went wrong; the page stays as it was.
          return;
        }
        if (serial === liveSerial.current || attempt === 2) return dispatch({ type: "merge", view, revised, message });
      }
    };
    const closePanel = () => {
      dispatch({ type: "open", id: null });
      textRef.current?.focus({ preventScroll: true });
    };
    const live: EventHandler = (event) => {
      switch (event.type) {
        case "ready":
          // A stream that could not resume from the page's version starts from now: what changed since the render is read once.
          if (event.catchUp) void refresh();
          return;
        case "resync":
          // Too far behind to replay (more than the server replays): one full re-read instead.
          void refresh();
          return;
        case REVISED:
          // A new text and every annotation's place in it: one re-read (the event carries neither). The user's own revision is on screen already.
          // Announced only when someone else added it (this user's own form says what it made of the annotations).
          if (event.number === null || event.number > revisionNumber.current)
            void refresh({ revised: event.actor?.id !== actorId });
          return;
        case AUDIT.comment.created:
        case AUDIT.comment.updated:
        case AUDIT.comment.deleted:
          return dispatch({ type: "live", event });
      }
      liveSerial.current++;
      // A submission or a decision here may change how many wait for this user's review: the navigation's count (outside the workbench) asks again.
      if (event.type === AUDIT.annotation.updated || event.type === AUDIT.annotation.deleted)
        window.dispatchEvent(new Event(REVIEW_QUEUE_CHANGED));
      dispatch({ type: "live", event });
    };
    const loadDetails = (id: string, { quiet = false }: { quiet?: boolean } = {}) => {
      if (reading.current.has(id)) return;
      reading.current.add(id);
      if (!quiet) dispatch({ type: "details-retry", id });
      fetchAnnotation(id).then(
        (view) => {
          reading.current.delete(id);
          dispatch({ type: "details", id, view });
        },
        () => {
          reading.current.delete(id);
          // A prefetch that failed is simply not there: opening it reads again, and says so if that fails too.
          if (!quiet) dispatch({ type: "details", id, view: null });
        },
      );
    };
    return {
      openAnnotation: (id, focus) => dispatch({ type: "open", id, focus }),
      loadDetails,
      closePanel,
      replace: (view, message, statusBefore) => dispatch({ type: "put", view, message, statusBefore }),
      remove: (id, message) => {
        dispatch({ type: "remove", id, message });
        textRef.current?.focus({ preventScroll: true });
      },
      setWork: (id, entry) => dispatch({ type: "work", id, entry }),
      applyArticle,
      refresh,
      reviewNext: (afterId) => dispatch({ type: "approved-next", afterId }),
      announce: (message) => dispatch({ type: "announce", message }),
      setIndexView: (view) => dispatch({ type: "index", view }),
      setCommentDraft: (key, text) => dispatch({ type: "comment-draft", key, text }),
      live,
    };
  }, [articleId, actorId]);

  // Each flash ends after its own time; a later flash of the same highlight has another serial and outlives this timer.
  useEffect(() => {
    if (!store.flashSerial) return;
    const serial = store.flashSerial;
    window.setTimeout(() => dispatch({ type: "unflash", serial }), FLASH_MS);
  }, [store.flashSerial]);

  // The live region empties itself after a while, so an old message never lingers on screen.
  useEffect(() => {
    if (!store.announcement.text) return;
    const timer = window.setTimeout(() => dispatch({ type: "silence" }), 5000);
    return () => window.clearTimeout(timer);
  }, [store.announcement]);

  // "Approve and next" with nothing more here: the oldest waiting for this user anywhere, else say the queue is empty.
  const lookUpQueue = useEffectEvent(async () => {
    dispatch({ type: "queue-done" });
    const queued = await nextInQueue().catch(() => null);
    if (!queued) return actions.announce("Approved. Nothing else is waiting for your review.");
    if (queued.article.id === articleId) {
      // One of this article's that this page has not heard of yet: read the article, then open it.
      await actions.refresh();
      actions.openAnnotation(queued.id, { scroll: true });
      return actions.announce("Approved. Opened the next one waiting for you");
    }
    // Another article: the link opens it at the annotation, as from the queue page.
    router.push(`/articles/${encodeURIComponent(queued.article.id)}#annotation-${encodeURIComponent(queued.id)}`);
  });
  useEffect(() => {
    if (store.queueLookup) void lookUpQueue();
  }, [store.queueLookup]);

  useEffect(() => {
    revisionNumber.current = store.revision.number;
  }, [store.revision.number]);

  // The open annotation held as its summary: its details are read (again after a read that a newer change overtook,
  // which leaves it a summary: `reads` moves on); after a failure, only the panel's retry reads again.
  const openHeld = store.openId
    ? store.data.annotations.find((annotation) => annotation.id === store.openId)
    : undefined;
  const openNeedsDetails = openHeld && !isDetailed(openHeld) && !store.details.failed[openHeld.id] ? openHeld.id : null;
  useEffect(() => {
    if (openNeedsDetails) actions.loadDetails(openNeedsDetails);
  }, [openNeedsDetails, store.details.reads, actions]);

  const { annotations } = store.data;
  const labels = useMemo(() => labelsFor(annotations), [annotations]);
  const locked = store.data.review.status === "SIGNED_OFF";
  const permissions = useMemo<WorkbenchPermissions>(() => ({ ...rolePermissions, locked }), [rolePermissions, locked]);
  // The page's article with the open revision and history as they are now (a new revision replaces both).
  const { revision, history } = store;
  const current = useMemo(() => ({ ...article, revision, history }), [article, revision, history]);
  const view = useMemo<WorkbenchView>(
    () => ({ store, article: current, labels, permissions, canCreate: mayCreate(permissions), actor, publicBase }),
    [store, current, labels, permissions, actor, publicBase],
  );

  const [refs] = useState<WorkbenchRefs>(() => ({ text: textRef, heading: headingRef, panel: panelRef }));

  return (
    <RefsContext value={refs}>
      <ActionsContext value={actions}>
        <ViewContext value={view}>{children}</ViewContext>
      </ActionsContext>
    </RefsContext>
  );
}

/** The workbench's state and the actions that change it, for any component inside WorkbenchProvider. */
export function useWorkbench(): WorkbenchView & WorkbenchActions {
  const view = use(ViewContext);
  const actions = use(ActionsContext);
  if (!view || !actions) throw new Error("useWorkbench() outside WorkbenchProvider");
  return useMemo(() => ({ ...view, ...actions }), [view, actions]);
}

/** The elements focus moves between (the text, the panel's heading, the panel), for the components that render them. */
export function useWorkbenchRefs(): WorkbenchRefs {
  const refs = use(RefsContext);
  if (!refs) throw new Error("useWorkbenchRefs() outside WorkbenchProvider");
  return refs;
}

/** Only the actions: for components that change the workbench but show none of its state (they are not re-rendered by its changes). */
export function useWorkbenchActions(): WorkbenchActions {
  const actions = use(ActionsContext);
  if (!actions) throw new Error("useWorkbenchActions() outside WorkbenchProvider");
  return actions;
}
