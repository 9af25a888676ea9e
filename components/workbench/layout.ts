import { segment } from "@/lib/anchoring/segments";
import type { AnnotationKind } from "@/lib/domain/annotation";
import type { Block } from "@/lib/domain/article";

/** The few fields of an annotation the layout and navigation need. */
export type Placed = { id: string; kind: AnnotationKind; start: number; end: number };

export type SegmentView = {
  start: number;
  end: number;
  /** Covering annotations, outermost first. */
  ids: string[];
  kinds: AnnotationKind[];
  /** Annotations whose first rendered piece this is (their inline label goes here). */
  opens: string[];
  /** Annotations whose last rendered piece this is. */
  closes: string[];
};
export type BlockView = {
  key: number;
  type: Block["type"];
  level?: number;
  segments: SegmentView[];
  /** Every annotation with text in this block, in order of start: what the paragraph's rendering depends on besides labels, statuses and the open one. */
  ids: string[];
  /** Those whose first rendered piece is here: where their labels (and review marks) show. */
  opening: string[];
};
/** Consecutive list items share one list. */
export type BlockGroup = BlockView | { key: number; type: "list"; items: BlockView[] };

/** Work done by one layout, for tests that check it grows with the data, not with blocks × annotations. */
export type LayoutStats = { visits: number; laidOut: number };

/**
 * The article as blocks of flat segments: every character of every block in
 * exactly one segment, each segment knowing the annotations over it. Text
 * outside blocks is not shown. Blocks come in text order (as the parser makes
 * them).
 *
 * The returned function lays out a set of annotations and remembers each
 * block's result with the spans over it (ids, kinds, offsets, where each
 * annotation's rendered text opens and closes): a block whose
 * signature did not change is returned as the very same object, so a memoized
 * paragraph does not re-render when an annotation elsewhere opens, changes or
 * arrives. One sweep over annotations sorted once by start: the work is
 * O(n log n + blocks + annotation-block overlaps), never blocks × annotations.
 */
export function createLayout(
  text: string,
  blocks: readonly Block[],
): (annotations: readonly Placed[], stats?: LayoutStats) => BlockGroup[] {
  const bounds = blocks.map((block) => {
    const from = Math.max(0, Math.min(block.start, text.length));
    return { from, to: Math.max(from, Math.min(block.end, text.length)) };
  });
  let cache: { spans: Placed[]; edges: number[]; view: BlockView }[] = [];

  return (annotations, stats = { visits: 0, laidOut: 0 }) => {
    const { sorted, inBlock, first, last } = overlaps(bounds, annotations, stats);
    const next: typeof cache = [];
    const groups: BlockGroup[] = [];
    blocks.forEach((block, index) => {
      const spans = inBlock[index].map((k) => sorted[k]);
      // The signature: the spans over the block (compared field by field, no strings built) and whether each opens (1) or closes (2) here.
      const edges = inBlock[index].map((k) => (first[k] === index ? 1 : 0) | (last[k] === index ? 2 : 0));
      const cached = cache[index];
      const view =
        cached && sameSpans(cached.spans, spans) && sameNumbers(cached.edges, edges)
          ? cached.view
          : layBlock(block, bounds[index], spans, edges, stats);
      next[index] = { spans, edges, view };
      const previous = groups.at(-1);
      if (block.type !== "list-item") groups.push(view);
      else if (previous?.type === "list") previous.items.push(view);
      else groups.push({ key: block.start, type: "list", items: [view] });
    });
    cache = next;
    return groups;
  };
}

/** The same annotations over a block: the same objects (an unchanged annotation usually is), or the same id, kind and offsets. */
function sameSpans(a: readonly Placed[], b: readonly Placed[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.id !== y.id || x.kind !== y.kind || x.start !== y.start || x.end !== y.end)) return false;
  }
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * The annotations with text in each block (a non-empty intersection), as positions in `sorted` (by start), and each
 * one's first and last block: one sweep with a list of those still open, no maps.
 */
function overlaps(bounds: readonly { from: number; to: number }[], annotations: readonly Placed[], stats: LayoutStats) {
  const sorted = annotations
    .filter((annotation) => annotation.end > annotation.start)
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const first = new Int32Array(sorted.length).fill(-1);
  const last = new Int32Array(sorted.length).fill(-1);
  let next = 0;
  let active: number[] = [];
  const inBlock = bounds.map(({ from, to }, index) => {
    while (next < sorted.length && sorted[next].start < to) active.push(next++);
    // Blocks only move forward: an annotation ending before this block can never reach a later one.
    const still: number[] = [];
    for (const k of active) {
      stats.visits++;
      if (sorted[k].end > from) still.push(k);
    }
    active = still;
    if (from >= to) return [];
    for (const k of still) {
      if (first[k] < 0) first[k] = index;
      last[k] = index;
    }
    // A copy: the next block adds to `active`.
    return [...still];
  });
  return { sorted, inBlock, first, last };
}

function layBlock(
  block: Block,
  { from, to }: { from: number; to: number },
  spans: Placed[],
  edges: number[],
  stats: LayoutStats,
): BlockView {
  stats.laidOut++;
  stats.visits += spans.length;
  const kindOf = new Map(spans.map((span) => [span.id, span.kind]));
  const edgeOf = new Map(spans.map((span, i) => [span.id, edges[i]]));
  const opened = new Set<string>();
  const lastPiece = new Map<string, SegmentView>();
  const segments = segment(spans, from, to).map((piece): SegmentView => {
    const view: SegmentView = { ...piece, kinds: piece.ids.map((id) => kindOf.get(id)!), opens: [], closes: [] };
    for (const id of piece.ids) {
      if (edgeOf.get(id)! & 1 && !opened.has(id)) view.opens.push(id);
      opened.add(id);
      lastPiece.set(id, view);
    }
    return view;
  });
  for (const [id, view] of lastPiece) if (edgeOf.get(id)! & 2) view.closes.push(id);
  return {
    key: block.start,
    type: block.type,
    level: block.level,
    segments,
    ids: spans.map((span) => span.id),
    opening: segments.flatMap((piece) => piece.opens),
  };
}
/** One layout, without reuse (tests, one-off callers). */
export const layoutArticle = (text: string, blocks: readonly Block[], annotations: readonly Placed[]) =>
  createLayout(text, blocks)(annotations);

/** The open annotation if it has text in this block, else null: opening one changes only its own paragraphs' props. */
export const openIn = (view: BlockView, openId: string | null) =>
  openId !== null && view.ids.includes(openId) ? openId : null;

/**
 * This block's flashing and changed ids, and the labels and statuses of those starting here, as strings that stay
 * equal while nothing in it changed. They do not depend on which annotation is open, so the workbench computes them
 * once per change of the annotations rather than for every paragraph on every click (issue #14).
 */
export function paragraphKeys(
  view: BlockView,
  flashing: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, string>,
  changed: ReadonlySet<string> = new Set(),
) {
  return {
    flashKey: view.ids.filter((id) => flashing.has(id)).join(" "),
    labelKey: view.opening.map((id) => `${labels.get(id)}:${statuses.get(id)}`).join(" "),
    changedKey: view.ids.filter((id) => changed.has(id)).join(" "),
  };
}

/** What one paragraph's rendering depends on besides its view: the open annotation if it is here, and its keys. */
export const paragraphState = (
  view: BlockView,
  openId: string | null,
  flashing: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, string>,
  changed: ReadonlySet<string> = new Set(),
) => ({ openId: openIn(view, openId), ...paragraphKeys(view, flashing, labels, statuses, changed) });
