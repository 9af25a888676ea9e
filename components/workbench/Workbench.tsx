"use client";

import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { KIND_LABELS, type AnnotationKind } from "@/lib/domain/annotation";
import type { AnnotationView, ArticleView } from "@/lib/server/article-view";
import { mayCreate, type WorkbenchActor, type WorkbenchPermissions } from "./access";
import { AnnotationIndex } from "./AnnotationIndex";
import { AnnotationPanel } from "./AnnotationPanel";
import { ArticleHeader } from "./ArticleHeader";
import { ArticleText } from "./ArticleText";
import { focusRect } from "./caret";
import type { AnnotationDraft } from "./drafts";
import { Legend } from "./Legend";
import { layoutArticle, labelsFor, neighbour } from "./model";
import { rangeToSpan, trimSpan, type Span, type TreeNode } from "./offsets";
import { createAnnotation, problem } from "./requests";
import { SelectionToolbar, type ToolbarAnchor } from "./SelectionToolbar";
import { VerdictSummary } from "./VerdictSummary";

type Props = { article: ArticleView; actor: WorkbenchActor; permissions: WorkbenchPermissions };

/** Unsaved work per annotation, kept while the panel shows another one: nothing typed is lost by switching. */
export type Work = { draft?: AnnotationDraft; kept?: AnnotationDraft };

const KEY_KINDS: Record<string, AnnotationKind> = { c: "CLAIM", d: "DENIAL", a: "ANALYSIS" };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select, [role=textbox], [role=combobox], [role=listbox]"));

const markSelector = (id: string) => `mark[data-annotations~="${CSS.escape(id)}"]`;

export function Workbench({ article, actor, permissions }: Props) {
  const text = article.revision.text;
  const [annotations, setAnnotations] = useState(article.annotations);
  const [openId, setOpenId] = useState<string | null>(null);
  const [work, setWork] = useState<Record<string, Work>>({});
  const [pending, setPending] = useState<{ span: Span; anchor: ToolbarAnchor } | null>(null);
  const [caret, setCaret] = useState<{ x: number; y: number; height: number } | null>(null);
  const [creating, setCreating] = useState<AnnotationKind | null>(null);
  const [createError, setCreateError] = useState("");
  const [announcement, setAnnouncement] = useState({ text: "", serial: 0 });
  const [focusRequest, setFocusRequest] = useState<{ serial: number; scrollTo?: string }>({ serial: 0 });
  const textRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const labels = useMemo(() => labelsFor(annotations), [annotations]);
  const groups = useMemo(() => layoutArticle(text, article.revision.blocks, annotations), [text, article.revision.blocks, annotations]);
  const open = annotations.find((annotation) => annotation.id === openId) ?? null;
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

  // Typed but unsaved text: the browser asks before the page goes away.
  const unsaved = Object.values(work).some((entry) => entry.draft);
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
      setAnnotations((previous) => [...previous, created]);
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
    (view: AnnotationView, message?: string) => {
      setAnnotations((previous) => previous.map((annotation) => (annotation.id === view.id ? view : annotation)));
      if (message) announce(message);
    },
    [announce],
  );

  const remove = useCallback(
    (id: string, message?: string) => {
      // The database drops a deleted claim from its denials (ON DELETE SET NULL); mirror that here.
      setAnnotations((previous) => previous.filter((annotation) => annotation.id !== id).map((annotation) => (annotation.deniesId === id ? { ...annotation, deniesId: null } : annotation)));
      setWork(({ [id]: _gone, ...rest }) => rest);
      if (message) announce(message);
      closePanel();
    },
    [announce, closePanel],
  );

  const setWorkFor = useCallback((id: string, entry: Work) => setWork((previous) => ({ ...previous, [id]: entry })), []);

  const onMarkClick = useCallback((ids: string[]) => openAnnotation(ids.at(-1) ?? null), [openAnnotation]);

  return (
    <div className="wb">
      <ArticleHeader article={article} />
      <div className="wb-top">
        <VerdictSummary annotations={annotations} />
        <Legend canCreate={canCreate} />
      </div>
      {permissions.locked && (
        <p className="wb-locked" role="note">
          This article is signed off: annotations are read-only until a reviewer reopens it.
        </p>
      )}
      <div className={`wb-layout${open ? " has-open" : ""}`}>
        <div className="wb-stage" ref={stageRef}>
          {createError && (
            <p className="wb-error" role="alert">
              {createError}
            </p>
          )}
          {caret && <span className="wb-caret" aria-hidden="true" style={{ left: caret.x, top: caret.y, height: caret.height }} />}
          <ArticleText text={text} groups={groups} labels={labels} openId={openId} rootRef={textRef} onMarkClick={onMarkClick} />
          {pending && canCreate && <SelectionToolbar anchor={pending.anchor} creating={creating} onTag={(kind) => void tag(kind, pending.span)} />}
        </div>
        <aside className="wb-panel" aria-label="Annotation details">
          {open ? (
            <AnnotationPanel
              key={open.id}
              annotation={open}
              annotations={annotations}
              labels={labels}
              actor={actor}
              permissions={permissions}
              work={work[open.id] ?? {}}
              onWork={setWorkFor}
              headingRef={headingRef}
              onOpen={openAnnotation}
              onClose={closePanel}
              onReplace={replace}
              onRemove={remove}
            />
          ) : (
            <AnnotationIndex annotations={annotations} labels={labels} unsaved={work} canCreate={canCreate} onOpen={(id) => openAnnotation(id, { scroll: true })} />
          )}
        </aside>
      </div>
      <p className={`wb-toast${announcement.text ? " is-shown" : ""}`} role="status">
        <span key={announcement.serial}>{announcement.text}</span>
      </p>
    </div>
  );
}
