"use client";

import {
  useCallback,
  useDeferredValue,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { KIND_LABELS, type AnnotationKind } from "@/lib/domain/annotation";
import { isDetailed } from "@/lib/views/article-view";
import type { RolePermissions, WorkbenchActor } from "./access";
import { AnnotationIndex } from "./AnnotationIndex";
import { AnnotationPanel } from "./AnnotationPanel";
import { ArticleHeader } from "./ArticleHeader";
import { ArticleReview } from "./ArticleReview";
import { ArticleText } from "./ArticleText";
import { focusRect } from "./caret";
import { revealAnnotation } from "./highlight-registry";
import { Legend } from "./Legend";
import { panelAnnotation } from "./live/apply-event";
import { LiveBar } from "./live/LiveBar";
import { presenceEntries } from "./live/presence";
import { useArticleEvents, usePresenceReport } from "./live/useArticleEvents";
import { createLayout, step } from "./model";
import { NewRevision } from "./NewRevision";
import { RevisionBanner } from "./RevisionBanner";
import { splitPlaced, walkOrder } from "./revisions";
import { rangeToSpan, trimSpan, type Span, type TreeNode } from "./offsets";
import { unpackArticle, type PackedArticle } from "./page-article";
import { createAnnotation, problem } from "./requests";
import { SelectionToolbar, type ToolbarAnchor } from "./SelectionToolbar";
import { useWorkbench, useWorkbenchRefs, WorkbenchProvider } from "./state/WorkbenchProvider";
import { VerdictSummary } from "./VerdictSummary";

/** `since`: the article's event id the page reflects (lib/server/article/open-workbench.ts); the live stream resumes from it. */
type Props = {
  article: PackedArticle;
  since: number | null;
  actor: WorkbenchActor;
  permissions: RolePermissions;
  publicBase: string | null;
};

const KEY_KINDS: Record<string, AnnotationKind> = { c: "CLAIM", d: "DENIAL", a: "ANALYSIS" };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.matches("input, textarea, select, [role=textbox], [role=combobox], [role=listbox]"));

/** Links to one annotation (the review queue, the sign-off list) end in #annotation-<id>. */
const HASH_PREFIX = "#annotation-";
/** The highlights drawn before the first deferred render: none, as the server drew them. One array, so it stays equal. */
const NONE_PLACED: never[] = [];

/** Why c, d or a did nothing, and who can change that. */
export const lockedMessage = (canReopen: boolean) =>
  `This article is signed off: reopen it to change it. ${canReopen ? "You can reopen it with Reopen article, above." : "A reviewer or an admin can reopen it."}`;

/** The page's workbench: its state lives in WorkbenchProvider (state/), read by every part through useWorkbench(). */
export function Workbench({ article: packed, since, actor, permissions, publicBase }: Props) {
  // The page sends each annotation without what its text gives back (page-article.ts); here it is whole again.
  const article = useMemo(() => unpackArticle(packed), [packed]);
  return (
    <WorkbenchProvider article={article} actor={actor} permissions={permissions} publicBase={publicBase}>
      <WorkbenchBody since={since} />
    </WorkbenchProvider>
  );
}

function WorkbenchBody({ since }: { since: number | null }) {
  const {
    store,
    article,
    labels,
    permissions,
    canCreate,
    actor,
    openAnnotation,
    closePanel,
    replace,
    announce,
    live,
    loadDetails,
  } = useWorkbench();
  const text = article.revision.text;
  const { annotations, work, orphans } = store.data;
  const { openId, flashes, announcement, focus: focusRequest, closedByLive } = store;
  const [pending, setPending] = useState<{ span: Span; anchor: ToolbarAnchor } | null>(null);
  const [caret, setCaret] = useState<{ x: number; y: number; height: number } | null>(null);
  const [creating, setCreating] = useState<AnnotationKind | null>(null);
  const [createError, setCreateError] = useState("");
  const stageRef = useRef<HTMLDivElement>(null);
  const { text: textRef, heading: headingRef, panel: panelRef } = useWorkbenchRefs();

  // One layout per revision, remembering each paragraph: a change re-lays (and re-renders) only the paragraphs it touches.
  const layout = useMemo(() => createLayout(text, article.revision.blocks), [text, article.revision.blocks]);
  // Orphans keep offsets into an older revision: never drawn in this text, they wait in the "Needs placement" tray.
  const { placed, unplaced } = useMemo(
    () => splitPlaced(annotations, article.revision.id),
    [annotations, article.revision.id],
  );
  // The server lays the text out without the annotations: a paragraph's markup is its text alone (highlights and
  // labels are set by its layout effects, in the browser), so the HTML is the same, and a long article's page does
  // not wait for 2,000 annotations to be laid out twice (issue #14). The browser hydrates with the same bare layout
  // and draws the highlights in a render of their own right after, which React may interrupt: the page takes keys
  // while 2,000 highlights are laid out, and a change later (a new annotation, another editor's) is typed and
  // answered first, then drawn.
  const drawn = useDeferredValue(placed, NONE_PLACED);
  const groups = useMemo(() => layout(drawn), [layout, drawn]);
  const changed = useMemo(
    () =>
      new Set(placed.filter((annotation) => annotation.anchor.status === "CHANGED").map((annotation) => annotation.id)),
    [placed],
  );
  const statuses = useMemo(
    () => new Map(annotations.map((annotation) => [annotation.id, annotation.status])),
    [annotations],
  );
  const flashing = useMemo(() => new Set(Object.keys(flashes)), [flashes]);
  // An annotation someone else deleted while this user had unsaved text in it stays in the panel (not in the text) until closed.
  const open = openId ? panelAnnotation(store.data, openId) : null;
  const orphan = openId ? orphans[openId] : undefined;
  const { locked } = permissions;

  useEffect(() => {
    if (!focusRequest.serial) return;
    if (focusRequest.scrollTo) {
      const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (textRef.current) revealAnnotation(textRef.current, focusRequest.scrollTo, reduced ? "auto" : "smooth");
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [focusRequest, headingRef, textRef]);

  // Someone else deleted the open annotation: the panel went back to the list, and focus that was in it (now nowhere) returns to the text.
  useLayoutEffect(() => {
    if (!closedByLive) return;
    const active = document.activeElement;
    if (!active || active === document.body || panelRef.current?.contains(active))
      textRef.current?.focus({ preventScroll: true });
  }, [closedByLive, panelRef, textRef]);

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
    const span = rangeToSpan(
      root as TreeNode,
      range as unknown as { startContainer: TreeNode; startOffset: number; endContainer: TreeNode; endOffset: number },
    );
    const trimmed = span && trimSpan(text, span);
    if (!trimmed) return null;
    const backward = selection.anchorNode === range.endContainer && selection.anchorOffset === range.endOffset;
    return { span: trimmed, range, backward };
  }, [text, textRef]);

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
        const at =
          document.activeElement === root && selection?.focusNode && root.contains(selection.focusNode)
            ? focusRect(selection)
            : null;
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
  }, [selectedSpan, textRef]);

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

  async function tag(kind: AnnotationKind, span: Span) {
    if (creating || !canCreate) return;
    setCreating(kind);
    setCreateError("");
    try {
      const created = await createAnnotation(article.id, {
        kind,
        start: span.start,
        end: span.end,
        quote: text.slice(span.start, span.end),
      });
      // The live stream may have brought it already: put, never append twice.
      replace(created, `${KIND_LABELS[kind]} added`);
      window.getSelection()?.removeAllRanges();
      setPending(null);
      openAnnotation(created.id, { scroll: false });
    } catch (error) {
      setCreateError(`Could not add the ${KIND_LABELS[kind].toLowerCase()}: ${problem(error)}`);
    } finally {
      setCreating(null);
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    // A dialog (New revision) has the keyboard: Escape is its own, and no key tags or walks the text behind it.
    if (event.target instanceof Element && event.target.closest("dialog")) return;
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
      // The text in reading order, then the tray: every annotation is reachable from the keyboard.
      const next = step(walkOrder(placed, unplaced), openId, key === "j" ? 1 : -1);
      if (!next) return announce("No annotations yet");
      event.preventDefault();
      openAnnotation(next, { scroll: true });
    }
  });

  // When the browser is idle, the details of the annotations j and k open next are read (of the first and last when
  // none is open), so walking the text waits for nothing; only after the open one's own (decision 028).
  const prefetchNeighbours = useEffectEvent(() => {
    const order = walkOrder(placed, unplaced);
    for (const id of new Set([step(order, openId, 1), step(order, openId, -1)])) {
      const held = id ? annotations.find((annotation) => annotation.id === id) : undefined;
      if (held && !isDetailed(held)) loadDetails(held.id, { quiet: true });
    }
  });
  const openWhole = open ? isDetailed(open) : true;
  useEffect(() => {
    if (!openWhole) return;
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(() => prefetchNeighbours(), 200);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => prefetchNeighbours(), { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }, [openId, openWhole]);

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const { connection, connectionId, users } = useArticleEvents(article.id, since, live);
  usePresenceReport(article.id, connectionId, open && !orphan ? open.id : null);
  const people = useMemo(() => presenceEntries(users, actor.id, labels), [users, actor.id, labels]);

  const onMarkClick = useCallback((ids: string[]) => openAnnotation(ids.at(-1) ?? null), [openAnnotation]);

  return (
    <div className="wb">
      <ArticleHeader article={article} kicker={<RevisionBanner />}>
        <LiveBar connection={connection} people={people} onOpen={(id) => openAnnotation(id, { scroll: true })} />
      </ArticleHeader>
      <NewRevision />
      <ArticleReview />
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
          {caret && (
            <span
              className="wb-caret"
              aria-hidden="true"
              style={{ left: caret.x, top: caret.y, height: caret.height }}
            />
          )}
          <ArticleText
            text={text}
            groups={groups}
            labels={labels}
            statuses={statuses}
            changed={changed}
            openId={openId}
            flashing={flashing}
            rootRef={textRef}
            onMarkClick={onMarkClick}
            language={article.language}
          />
          {pending && canCreate && (
            <SelectionToolbar
              anchor={pending.anchor}
              creating={creating}
              onTag={(kind) => void tag(kind, pending.span)}
            />
          )}
        </div>
        <aside className="wb-panel" aria-label="Annotation details" ref={panelRef}>
          {/* Notices sit at the top of the panel, in its flow: they push the panel down for a moment and cover no article text. */}
          <p className={`wb-toast${announcement.text ? " is-shown" : ""}`} role="status">
            <span key={announcement.serial}>{announcement.text}</span>
          </p>
          {open ? (
            <AnnotationPanel key={open.id} annotation={open} selected={pending?.span ?? null} />
          ) : (
            <AnnotationIndex selected={pending?.span ?? null} />
          )}
        </aside>
      </div>
    </div>
  );
}
