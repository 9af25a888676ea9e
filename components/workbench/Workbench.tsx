"use client";

import { useRouter } from "next/navigation";
import { REVIEW_QUEUE_CHANGED } from "../ReviewCount";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { KIND_LABELS, type AnnotationKind } from "@/lib/domain/annotation";
import { AUDIT } from "@/lib/domain/audit-actions";
import type { AnnotationView, ArticleView } from "@/lib/server/article-view";
import { mayCreate, nextToJudge, type RolePermissions, type WorkbenchActor, type WorkbenchPermissions } from "./access";
import { AnnotationIndex, type IndexView } from "./AnnotationIndex";
import { AnnotationPanel } from "./AnnotationPanel";
import { ArticleHeader } from "./ArticleHeader";
import { ArticleReview } from "./ArticleReview";
import { ArticleText } from "./ArticleText";
import { focusRect } from "./caret";
import { Legend } from "./Legend";
import { applyEvent, initialState, liveNotice, mergeArticle, panelAnnotation, putOwn, removeAnnotation, setWork, type Work } from "./live/apply-event";
import { LiveBar } from "./live/LiveBar";
import { presenceEntries } from "./live/presence";
import { useArticleEvents, usePresenceReport, type EventHandler } from "./live/useArticleEvents";
import { createLayout, labelsFor, neighbour } from "./model";
import { rangeToSpan, trimSpan, type Span, type TreeNode } from "./offsets";
import { unpackArticle, type PackedArticle } from "./page-article";
import { createAnnotation, fetchArticle, nextInQueue, problem } from "./requests";
import { SelectionToolbar, type ToolbarAnchor } from "./SelectionToolbar";
import { VerdictSummary } from "./VerdictSummary";

/** `since`: the article's event id the page reflects (lib/server/open-workbench.ts); the live stream resumes from it. */
type Props = { article: PackedArticle; since: number | null; actor: WorkbenchActor; permissions: RolePermissions; publicBase: string | null };

/** Unsaved work per annotation, kept while the panel shows another one: nothing typed is lost by switching (see live/apply-event). */
export type { Work };

/** How long a highlight changed by someone else stays marked (the CSS animation is 1.5 s). */
const FLASH_MS = 1600;

const KEY_KINDS: Record<string, AnnotationKind> = { c: "CLAIM", d: "DENIAL", a: "ANALYSIS" };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select, [role=textbox], [role=combobox], [role=listbox]"));

const markSelector = (id: string) => `mark[data-annotations~="${CSS.escape(id)}"]`;

/** Links to one annotation (the review queue, the sign-off list) end in #annotation-<id>. */
const HASH_PREFIX = "#annotation-";

const BACK_TO_DRAFT: Partial<Record<AnnotationView["status"], string>> = {
  APPROVED: "Back to draft: an approved annotation needs review again after a change of substance",
  SUBMITTED: "Back to draft: submit it again after a change of substance; someone other than you reviews it",
};

/** Why c, d or a did nothing, and who can change that. */
export const lockedMessage = (canReopen: boolean) =>
  `This article is signed off: reopen it to change it. ${canReopen ? "You can reopen it with Reopen article, above." : "A reviewer or an admin can reopen it."}`;

export function Workbench({ article: packed, since, actor, permissions: rolePermissions, publicBase }: Props) {
  // The page sends each annotation without what its text gives back (page-article.ts); here it is whole again.
  const article = useMemo(() => unpackArticle(packed), [packed]);
  const text = article.revision.text;
  // Annotations, the article's review state (it moves with submissions, sign-off and reopening; the text and revision do not) and unsaved work,
  // changed together by the user's own requests and by everyone else's through the live stream.
  const router = useRouter();
  const [state, setState] = useState(() => initialState(article));
  const { annotations, review, work, orphans } = state;
  const [openId, setOpenId] = useState<string | null>(null);
  const [flashes, setFlashes] = useState<Record<string, number>>({});
  // The list's search and page, kept while an annotation is open: Esc returns to where the list was left.
  const [indexView, setIndexView] = useState<IndexView>({ query: "", page: 1 });
  const [pending, setPending] = useState<{ span: Span; anchor: ToolbarAnchor } | null>(null);
  const [caret, setCaret] = useState<{ x: number; y: number; height: number } | null>(null);
  const [creating, setCreating] = useState<AnnotationKind | null>(null);
  const [createError, setCreateError] = useState("");
  const [announcement, setAnnouncement] = useState({ text: "", serial: 0 });
  const [focusRequest, setFocusRequest] = useState<{ serial: number; scrollTo?: string }>({ serial: 0 });
  const textRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  // The state as last rendered, for handlers that compare an answer or an event with what was on screen.
  const shown = useRef(state);
  useEffect(() => {
    shown.current = state;
  }, [state]);

  const labels = useMemo(() => labelsFor(annotations), [annotations]);
  // One layout per revision, remembering each paragraph: a change re-lays (and re-renders) only the paragraphs it touches.
  const layout = useMemo(() => createLayout(text, article.revision.blocks), [text, article.revision.blocks]);
  const groups = useMemo(() => layout(annotations), [layout, annotations]);
  const statuses = useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation.status])), [annotations]);
  const flashing = useMemo(() => new Set(Object.keys(flashes)), [flashes]);
  // An annotation someone else deleted while this user had unsaved text in it stays in the panel (not in the text) until closed.
  const open = openId ? panelAnnotation(state, openId) : null;
  const orphan = openId ? orphans[openId] : undefined;
  const panelLabels = useMemo(() => (orphan ? new Map(labels).set(orphan.annotation.id, orphan.label) : labels), [labels, orphan]);
  const locked = review.status === "SIGNED_OFF";
  const permissions: WorkbenchPermissions = useMemo(() => ({ ...rolePermissions, locked }), [rolePermissions, locked]);
  const canCreate = mayCreate(permissions);

  const announce = useCallback((message: string) => setAnnouncement((previous) => ({ text: message, serial: previous.serial + 1 })), []);

  // The live region empties itself after a while, so an old message never lingers on screen.
  useEffect(() => {
    if (!announcement.text) return;
    const timer = window.setTimeout(() => setAnnouncement((previous) => ({ ...previous, text: "" })), 5000);
    return () => window.clearTimeout(timer);
  }, [announcement]);

  useEffect(() => {
    if (!focusRequest.serial) return;
    if (focusRequest.scrollTo) {
      const mark = document.querySelector(markSelector(focusRequest.scrollTo));
      const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      mark?.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" });
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  // Typed but unsaved text: the browser asks before the page goes away (unless it could not be saved anyway).
  const unsaved = !locked && Object.values(work).some((entry) => entry.draft);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  /** The article span the current DOM selection covers, trimmed of whitespace; null when it is not in the article text. */
  const selectedSpan = useCallback((): { span: Span; range: Range; backward: boolean } | null => {
    const root = textRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const span = rangeToSpan(root as TreeNode, range as unknown as { startContainer: TreeNode; startOffset: number; endContainer: TreeNode; endOffset: number });
    const trimmed = span && trimSpan(text, span);
    if (!trimmed) return null;
    const backward = selection.anchorNode === range.endContainer && selection.anchorOffset === range.endOffset;
    return { span: trimmed, range, backward };
  }, [text]);

  // Mouse drags, shift+arrows and scripts all end up as selection changes; focus shows or hides the caret.
  useEffect(() => {
    let frame = 0;
    // No toolbar chasing the mouse mid-drag: it appears when the button comes up.
    let dragging = false;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const stage = stageRef.current;
        const root = textRef.current;
        const selection = window.getSelection();
        if (!stage || !root) return;
        const box = stage.getBoundingClientRect();
        const at = document.activeElement === root && selection?.focusNode && root.contains(selection.focusNode) ? focusRect(selection) : null;
        setCaret(at ? { x: at.left - box.left, y: at.top - box.top, height: at.height } : null);
        const found = dragging ? null : selectedSpan();
        if (!found) return setPending(null);
        const rects = [...found.range.getClientRects()].filter((rect) => rect.width > 0);
        const rect = (found.backward ? rects[0] : rects.at(-1)) ?? found.range.getBoundingClientRect();
        const anchor: ToolbarAnchor = found.backward
          ? { x: rect.left - box.left, y: rect.top - box.top, above: true, width: box.width }
          : { x: rect.right - box.left, y: rect.bottom - box.top, above: false, width: box.width };
        setPending({ span: found.span, anchor });
      });
    };
    const press = (event: PointerEvent) => {
      dragging = event.button === 0 && event.target instanceof Node && Boolean(textRef.current?.contains(event.target));
    };
    const release = () => {
      dragging = false;
      update();
    };
    const events = ["selectionchange", "focusin", "focusout"] as const;
    for (const name of events) document.addEventListener(name, update);
    document.addEventListener("pointerdown", press);
    document.addEventListener("pointerup", release);
    document.addEventListener("mouseup", release);
    return () => {
      for (const name of events) document.removeEventListener(name, update);
      document.removeEventListener("pointerdown", press);
      document.removeEventListener("pointerup", release);
      document.removeEventListener("mouseup", release);
      cancelAnimationFrame(frame);
    };
  }, [selectedSpan]);

  const openAnnotation = useCallback((id: string | null, focus?: { scroll: boolean }) => {
    setOpenId(id);
    if (id && focus) setFocusRequest((previous) => ({ serial: previous.serial + 1, scrollTo: focus.scroll ? id : undefined }));
  }, []);

  // Arriving from a link to one annotation (the review queue), or following one on the page: open it.
  const openFromHash = useEffectEvent(() => {
    const hash = window.location.hash;
    if (!hash.startsWith(HASH_PREFIX)) return;
    const id = decodeURIComponent(hash.slice(HASH_PREFIX.length));
    if (annotations.some((annotation) => annotation.id === id)) openAnnotation(id, { scroll: true });
  });
  useEffect(() => {
    // The URL is outside React: read it once the text is laid out (so the highlight can scroll into view), then on every change.
    const frame = requestAnimationFrame(() => openFromHash());
    const listener = () => openFromHash();
    window.addEventListener("hashchange", listener);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("hashchange", listener);
    };
  }, []);

  const closePanel = useCallback(() => {
    setOpenId(null);
    textRef.current?.focus({ preventScroll: true });
  }, []);

  async function tag(kind: AnnotationKind, span: Span) {
    if (creating || !canCreate) return;
    setCreating(kind);
    setCreateError("");
    try {
      const created = await createAnnotation(article.id, { kind, start: span.start, end: span.end, quote: text.slice(span.start, span.end) });
      // The live stream may have brought it already: put, never append twice.
      setState((previous) => putOwn(previous, created));
      window.getSelection()?.removeAllRanges();
      setPending(null);
      openAnnotation(created.id, { scroll: false });
      announce(`${KIND_LABELS[kind]} added`);
    } catch (error) {
      setCreateError(`Could not add the ${KIND_LABELS[kind].toLowerCase()}: ${problem(error)}`);
    } finally {
      setCreating(null);
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key === "Escape") {
      if (pending && document.activeElement === textRef.current) {
        window.getSelection()?.removeAllRanges();
        return;
      }
      if (openId) {
        event.preventDefault();
        closePanel();
      }
      return;
    }
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    const kind = KEY_KINDS[key];
    if (kind) {
      if (locked) {
        // Nothing can be tagged on a signed-off article: say so, rather than ignoring the key.
        event.preventDefault();
        return announce(lockedMessage(permissions.reopen));
      }
      const found = selectedSpan();
      if (!found || !canCreate) return;
      event.preventDefault();
      void tag(kind, found.span);
      return;
    }
    if (key === "j" || key === "k") {
      const next = neighbour(annotations, openId, key === "j" ? 1 : -1);
      if (!next) return announce("No annotations yet");
      event.preventDefault();
      openAnnotation(next, { scroll: true });
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const replace = useCallback(
    (view: AnnotationView, message?: string, statusBefore?: AnnotationView["status"]) => {
      // The caller knows the status its request started from; the live echo of that very request may already be on screen.
      const before = statusBefore ?? shown.current.annotations.find((annotation) => annotation.id === view.id)?.status;
      setState((previous) => putOwn(previous, view));
      // Saying so matters: the article cannot be signed off until it is reviewed again.
      const back = before && view.status === "DRAFT" ? BACK_TO_DRAFT[before] : undefined;
      if (message || back) announce(back ? `${message ? `${message}. ` : ""}${back}` : message!);
    },
    [announce],
  );

  /** The whole article as the server answered it (sign-off, reopen, a re-read): newer versions win, unsaved typing is kept. */
  const applyArticle = useCallback(
    (view: ArticleView, message?: string) => {
      setState((previous) => mergeArticle(previous, view, "Someone"));
      if (message) announce(message);
    },
    [announce],
  );

  // Live changes applied so far: a re-read that overlapped one is read again, so it cannot undo a creation or deletion it did not see.
  const liveSerial = useRef(0);

  /** Re-reads the article: a submission may have moved it into review, a 409 says the page is behind, the stream may have missed changes. */
  const refresh = useCallback(async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const serial = liveSerial.current;
      let view: ArticleView;
      try {
        view = await fetchArticle(article.id);
      } catch {
        // The action's own message already says what went wrong; the page stays as it was.
        return;
      }
      if (serial === liveSerial.current || attempt === 2) return applyArticle(view);
    }
  }, [applyArticle, article.id]);

  /** "Approve and next": the next annotation here this user may review, else the oldest waiting for them in the queue, else say the queue is empty. */
  const reviewNext = useCallback(
    async (afterId: string) => {
      const next = nextToJudge(permissions, actor, shown.current.annotations, afterId);
      if (next) {
        openAnnotation(next.id, { scroll: true });
        return announce(`Approved. Next: ${labelsFor(shown.current.annotations).get(next.id)} ${KIND_LABELS[next.kind].toLowerCase()}`);
      }
      const queued = await nextInQueue().catch(() => null);
      if (!queued) return announce("Approved. Nothing else is waiting for your review.");
      if (queued.article.id === article.id) {
        // One of this article's that this page has not heard of yet: read the article, then open it.
        await refresh();
        openAnnotation(queued.id, { scroll: true });
        return announce("Approved. Opened the next one waiting for you");
      }
      // Another article: the link opens it at the annotation, as from the queue page.
      router.push(`/articles/${encodeURIComponent(queued.article.id)}#annotation-${encodeURIComponent(queued.id)}`);
    },
    [permissions, actor, openAnnotation, announce, refresh, router, article.id],
  );

  const remove = useCallback(
    (id: string, message?: string) => {
      setState((previous) => removeAnnotation(previous, id));
      if (message) announce(message);
      closePanel();
    },
    [announce, closePanel],
  );

  const setWorkFor = useCallback((id: string, entry: Work) => setState((previous) => setWork(previous, id, entry)), []);

  const flash = useCallback((ids: string[]) => {
    const serial = Date.now() + Math.random();
    setFlashes((previous) => ({ ...previous, ...Object.fromEntries(ids.map((id) => [id, serial])) }));
    window.setTimeout(() => setFlashes((previous) => Object.fromEntries(Object.entries(previous).filter(([, value]) => value !== serial))), FLASH_MS);
  }, []);

  // Everyone else's changes, as the stream delivers them.
  const onLive: EventHandler = (event) => {
    switch (event.type) {
      case "ready":
        // A stream that could not resume from the page's version starts from now: what changed since the render is read once.
        if (event.catchUp) void refresh();
        return;
      case "resync":
        // Too far behind to replay (more than the server replays): one full re-read instead.
        void refresh();
        return;
      case AUDIT.comment.created:
      case AUDIT.comment.updated:
      case AUDIT.comment.deleted:
        // The comment thread listens for these itself.
        window.dispatchEvent(new CustomEvent("factmark:comment", { detail: { type: event.type, ...event.data } }));
        return;
    }
    liveSerial.current++;
    // A submission or a decision here may change how many wait for this user's review: the navigation's count asks again.
    if (event.type === AUDIT.annotation.updated || event.type === AUDIT.annotation.deleted) window.dispatchEvent(new Event(REVIEW_QUEUE_CHANGED));
    const result = applyEvent(shown.current, event, actor.id);
    setState((previous) => applyEvent(previous, event, actor.id).state);
    if (result.announce) announce(result.announce);
    if (result.flash) flash(result.flash);
    // The open annotation is gone (with nothing typed in it): back to the list, keeping focus on the page.
    if (event.type === AUDIT.annotation.deleted && event.id === openId && !result.state.orphans[event.id]) {
      if (panelRef.current?.contains(document.activeElement)) textRef.current?.focus({ preventScroll: true });
      setOpenId(null);
    }
  };

  const { connection, connectionId, users } = useArticleEvents(article.id, since, onLive);
  usePresenceReport(article.id, connectionId, open && !orphan ? open.id : null);
  const people = useMemo(() => presenceEntries(users, actor.id, labels), [users, actor.id, labels]);

  const onMarkClick = useCallback((ids: string[]) => openAnnotation(ids.at(-1) ?? null), [openAnnotation]);

  return (
    <div className="wb">
      <ArticleHeader article={article}>
        <LiveBar connection={connection} people={people} onOpen={(id) => openAnnotation(id, { scroll: true })} />
      </ArticleHeader>
      <ArticleReview
        article={{ id: article.id, publicUrl: article.publicUrl, ...review }}
        publicBase={publicBase}
        annotations={annotations}
        labels={labels}
        permissions={permissions}
        onArticle={applyArticle}
        onRefresh={refresh}
        onOpen={(id) => openAnnotation(id, { scroll: true })}
        actor={actor}
        onAnnounce={announce}
      />
      <div className="wb-top">
        <VerdictSummary annotations={annotations} />
        <Legend canCreate={canCreate} />
      </div>
      <div className={`wb-layout${open ? " has-open" : ""}`}>
        <div className="wb-stage" ref={stageRef}>
          {createError && (
            <p className="wb-error" role="alert">
              {createError}
            </p>
          )}
          {caret && <span className="wb-caret" aria-hidden="true" style={{ left: caret.x, top: caret.y, height: caret.height }} />}
          <ArticleText text={text} groups={groups} labels={labels} statuses={statuses} openId={openId} flashing={flashing} rootRef={textRef} onMarkClick={onMarkClick} />
          {pending && canCreate && <SelectionToolbar anchor={pending.anchor} creating={creating} onTag={(kind) => void tag(kind, pending.span)} />}
        </div>
        <aside className="wb-panel" aria-label="Annotation details" ref={panelRef}>
          {/* Notices sit at the top of the panel, in its flow: they push the panel down for a moment and cover no article text. */}
          <p className={`wb-toast${announcement.text ? " is-shown" : ""}`} role="status">
            <span key={announcement.serial}>{announcement.text}</span>
          </p>
          {open ? (
            <AnnotationPanel
              key={open.id}
              annotation={open}
              annotations={annotations}
              labels={panelLabels}
              actor={actor}
              permissions={permissions}
              work={{ ...work[open.id], live: liveNotice(state, open.id) }}
              onWork={setWorkFor}
              headingRef={headingRef}
              onOpen={openAnnotation}
              onClose={closePanel}
              onReplace={replace}
              onRemove={remove}
              onRefresh={refresh}
              onNext={reviewNext}
            />
          ) : (
            <AnnotationIndex
              annotations={annotations}
              labels={labels}
              unsaved={work}
              orphans={Object.values(orphans)}
              canCreate={canCreate}
              view={indexView}
              onView={setIndexView}
              onOpen={(id) => openAnnotation(id, { scroll: true })}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
