"use client";

import { boundaryToOffset, type TreeNode } from "./offsets";
import { HIGHLIGHT_NAMES, idsAt, type HighlightName, type HighlightPiece } from "./highlight-pieces";

/**
 * The DOM side of the article's highlights: each block registers its pieces as Ranges over its one text node in the
 * named Highlights of CSS.highlights (drawn by ::highlight(name) in app/workbench.css), and takes them back when its
 * state changes or it unmounts. No element per highlight: a paragraph's text stays one text node.
 */

/**
 * StaticRanges, not Ranges: a live Range is updated by the browser on every DOM change anywhere in the document, and
 * thousands of them made each panel render pay for every highlight. A block's text node never changes while its
 * ranges are registered (a new text re-registers them), so nothing needs updating.
 */
type Entry = { piece: HighlightPiece; range: StaticRange | null };

/** Registered pieces per block element, in text order: clicks, scrolling to an annotation and the test hook read them. */
const blocks = new Map<Element, Entry[]>();
/**
 * Only the blocks in or near the window have their ranges in the highlights; the others' wait (in `blocks`) until
 * they come near. Chromium rebuilds its highlight markers from every registered range after each DOM or style change
 * (opening an annotation, the panel's render, a caret), so thousands of ranges made every step pay for the whole
 * article; now it pays for what is on screen. One IntersectionObserver watches the blocks (it reports each one once
 * when first observed, then on every change): a block is left out until its first report.
 */
const away = new WeakSet<Element>();
const watched = new WeakSet<Element>();
let watcher: IntersectionObserver | null | undefined;

function watch(block: Element) {
  if (watcher === undefined)
    watcher =
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver(
            (changes) => {
              for (const { target, isIntersecting } of changes) {
                if (isIntersecting !== away.has(target)) continue;
                if (isIntersecting) away.delete(target);
                else away.add(target);
                const entries = blocks.get(target);
                if (entries) show(entries, isIntersecting);
              }
            },
            // A window's height above and below: scrolling shows highlights already drawn.
            { rootMargin: "100% 0px" },
          )
        : null;
  if (!watcher || watched.has(block)) return;
  watched.add(block);
  away.add(block);
  watcher.observe(block);
}
let named: Map<HighlightName, Highlight> | null = null;

/** Chrome/Edge 105+, Safari 17.2+, Firefox 140+. Without it the text still reads, undecorated. */
export const highlightsSupported = () =>
  typeof CSS !== "undefined" && "highlights" in CSS && typeof globalThis.Highlight === "function";

function highlights(): Map<HighlightName, Highlight> | null {
  if (named || !highlightsSupported()) return named;
  named = new Map();
  HIGHLIGHT_NAMES.forEach((name, priority) => {
    const highlight = new Highlight();
    // Later names paint over earlier ones: open above flashing above changed above depth above kind.
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
    named!.set(name, highlight);
  });
  return named;
}

function show(entries: readonly Entry[], shown: boolean) {
  const registry = highlights();
  if (!registry) return;
  for (const { piece, range } of entries)
    if (range) for (const name of piece.names) registry.get(name)![shown ? "add" : "delete"](range);
}

/** Draws a block's pieces over its text node (offsets from `blockStart`); the returned function takes them back. */
export function register(block: Element, blockStart: number, pieces: readonly HighlightPiece[]): () => void {
  const text = block.firstChild;
  const drawable = highlightsSupported() && text?.nodeType === Node.TEXT_NODE;
  const entries: Entry[] = pieces.map((piece) => ({
    piece,
    range: drawable
      ? new StaticRange({
          startContainer: text!,
          startOffset: piece.start - blockStart,
          endContainer: text!,
          endOffset: piece.end - blockStart,
        })
      : null,
  }));
  blocks.set(block, entries);
  watch(block);
  if (!away.has(block)) show(entries, true);
  return () => {
    if (blocks.get(block) === entries) blocks.delete(block);
    show(entries, false);
    // Unmounted (not re-registering): stop watching it.
    queueMicrotask(() => {
      if (!block.isConnected && !blocks.has(block)) watcher?.unobserve(block);
    });
  };
}

/** The names a piece is drawn under: those its range is really registered under, or (in a block away from the window) those it will be. */
function drawnNames(block: Element, { piece, range }: Entry): HighlightName[] {
  if (!range) return [];
  return away.has(block) ? piece.names : piece.names.filter((name) => CSS.highlights.get(name)?.has(range));
}

/** A live copy of a static range, to measure or read it (and then drop it). */
function liveRange(range: StaticRange): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

const blockStartOf = (element: Element) => Number(element.getAttribute("data-start"));

/** The character under a viewport point: its text node and offset, only if the point is really over it (not past a line's end). */
function characterAt(x: number, y: number): { node: Text; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  const caret = position
    ? { node: position.offsetNode, offset: position.offset }
    : (() => {
        const range = document.caretRangeFromPoint?.(x, y);
        return range ? { node: range.startContainer, offset: range.startOffset } : null;
      })();
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const node = caret.node as Text;
  // The caret falls on the nearer edge of a character: it is the one after it or the one before.
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0 || offset >= node.length) continue;
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    for (const rect of range.getClientRects())
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { node, offset };
  }
  return null;
}

/** The annotations drawn under a viewport point, outermost first; [] when the point is over no highlighted character. */
export function idsAtPoint(root: Element, x: number, y: number): string[] {
  const at = characterAt(x, y);
  const block = at?.node.parentElement;
  if (!at || !block || !root.contains(block)) return [];
  const entries = blocks.get(block);
  const offset = boundaryToOffset(
    root as unknown as TreeNode,
    at as unknown as { node: TreeNode; offset: number },
    "start",
  );
  if (!entries || offset === null) return [];
  return idsAt(
    entries.map((entry) => entry.piece),
    offset,
  );
}

/** The first registered piece of an annotation under root, in text order, with its block. */
function firstPiece(root: Element, id: string): { block: Element; entry: Entry } | null {
  let best: { block: Element; entry: Entry } | null = null;
  for (const [block, entries] of blocks) {
    if (!root.contains(block)) continue;
    const entry = entries.find((candidate) => candidate.piece.ids.includes(id));
    if (entry && (!best || entry.piece.start < best.entry.piece.start)) best = { block, entry };
  }
  return best;
}

/**
 * Scrolls an annotation's first piece into view with room around it: the text root's scroll-margin (app/workbench.css:
 * a quarter of the window, more below where the panel docks at the bottom), as the marks' own scroll-margin did. A
 * block out of view is not laid out (content-visibility: auto): the block is brought in first, then the piece's own
 * box is measured.
 */
export function revealAnnotation(root: Element, id: string, behavior: ScrollBehavior) {
  const found = firstPiece(root, id);
  if (!found) return;
  const { block, entry } = found;
  const box = () => (entry.range ? liveRange(entry.range) : block).getBoundingClientRect();
  const style = getComputedStyle(root);
  const above = parseFloat(style.scrollMarginTop) || 0;
  const below = parseFloat(style.scrollMarginBottom) || 0;
  let rect = box();
  if (rect.height === 0 || rect.bottom < 0 || rect.top > window.innerHeight) {
    block.scrollIntoView({ block: "nearest" });
    rect = box();
  }
  if (rect.top < above) window.scrollBy({ top: rect.top - above, behavior });
  else if (rect.bottom > window.innerHeight - below)
    window.scrollBy({ top: Math.min(rect.bottom - window.innerHeight + below, rect.top - above), behavior });
}

/** What the text draws for one annotation: read by end-to-end tests through the root's test hook (see installTestHook). */
export type DrawnAnnotation = {
  /** Start of the block holding its first piece (its label shows there), or null if nothing is drawn. */
  block: number | null;
  /** Its place among the labels of that block (data-label holds one part per annotation starting there). */
  labelIndex: number;
  pieces: { start: number; end: number; text: string; names: string[] }[];
};

function describe(root: Element, id: string): DrawnAnnotation {
  const inRoot = [...blocks].filter(([block]) => root.contains(block));
  const found: (DrawnAnnotation["pieces"][number] & { block: Element })[] = [];
  for (const [block, entries] of inRoot)
    for (const { piece, range } of entries) {
      if (!piece.ids.includes(id)) continue;
      found.push({
        block,
        start: piece.start,
        end: piece.end,
        text: range ? liveRange(range).toString() : "",
        names: drawnNames(block, { piece, range }),
      });
    }
  found.sort((a, b) => a.start - b.start);
  const block = found[0]?.block;
  if (!block) return { block: null, labelIndex: -1, pieces: [] };
  // The annotations starting in that block, in the order the layout labels them (pieces in order, outermost first).
  const starts = blockStartOf(block);
  const startsEarlier = (other: string) =>
    inRoot.some(
      ([element, entries]) => blockStartOf(element) < starts && entries.some((e) => e.piece.ids.includes(other)),
    );
  const opening = [...new Set(blocks.get(block)!.flatMap((entry) => entry.piece.ids))].filter(
    (other) => !startsEarlier(other),
  );
  return {
    block: starts,
    labelIndex: opening.indexOf(id),
    pieces: found.map(({ block: _, ...piece }) => piece),
  };
}

/** The ids drawn under one highlight name (e.g. "wb-flashing") under root. */
function drawnUnder(root: Element, name: HighlightName): string[] {
  const highlight = CSS.highlights?.get(name);
  const ids = new Set<string>();
  for (const [block, entries] of blocks)
    if (root.contains(block))
      for (const { piece, range } of entries)
        if (range && highlight?.has(range)) piece.ids.forEach((id) => ids.add(id));
  return [...ids];
}

/** Where an annotation's first piece is in the window (its first line's box), or null when it is not drawn. */
function firstBox(root: Element, id: string): { left: number; top: number; width: number; height: number } | null {
  const range = firstPiece(root, id)?.entry.range;
  const box = range && [...liveRange(range).getClientRects()].find((rect) => rect.width > 0);
  return box ? { left: box.left, top: box.top, width: box.width, height: box.height } : null;
}

/**
 * The read-only test hook: `document.querySelector(".wb-text").factmarkHighlights` (e2e/support/workbench.ts, the
 * bench's probe): what is drawn for an annotation, the ids drawn under a name, and where its first piece is.
 */
export type HighlightsHook = {
  describe(id: string): DrawnAnnotation;
  drawnUnder(name: HighlightName): string[];
  firstBox(id: string): ReturnType<typeof firstBox>;
};

export function installTestHook(root: HTMLElement): () => void {
  const hook: HighlightsHook = {
    describe: (id) => describe(root, id),
    drawnUnder: (name) => drawnUnder(root, name),
    firstBox: (id) => firstBox(root, id),
  };
  Object.defineProperty(root, "factmarkHighlights", { value: hook, configurable: true });
  return () => {
    delete (root as unknown as { factmarkHighlights?: unknown }).factmarkHighlights;
  };
}
