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
 * block's result with a signature of the spans over it (ids, kinds, offsets,
 * where each annotation's rendered text opens and closes): a block whose
 * signature did not change is returned as the very same object, so a memoized
 * paragraph does not re-render when an annotation elsewhere opens, changes or
 * arrives. One sweep over annotations sorted once by start: the work is
 * O(n log n + blocks + annotation-block overlaps), never blocks × annotations.
 */
export function createLayout(text: string, blocks: readonly Block[]): (annotations: readonly Placed[], stats?: LayoutStats) => BlockGroup[] {
  const bounds = blocks.map((block) => {
    const from = Math.max(0, Math.min(block.start, text.length));
    return { from, to: Math.max(from, Math.min(block.end, text.length)) };
  });
  let cache: { signature: string; view: BlockView }[] = [];

  return (annotations, stats = { visits: 0, laidOut: 0 }) => {
    const inBlock = overlaps(bounds, annotations, stats);
    // Where each annotation's rendered text begins and ends: its first and last block.
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    inBlock.forEach((spans, index) => {
      for (const span of spans) {
        if (!first.has(span.id)) first.set(span.id, index);
        last.set(span.id, index);
      }
    });

    const next: typeof cache = [];
    const groups: BlockGroup[] = [];
    blocks.forEach((block, index) => {
      const spans = inBlock[index];
      const { from, to } = bounds[index];
      let signature = `${block.type} ${block.level ?? ""} ${from} ${to}`;
      for (const span of spans) signature += `|${span.id} ${span.kind} ${span.start} ${span.end} ${first.get(span.id) === index ? 1 : 0}${last.get(span.id) === index ? 1 : 0}`;
      const cached = cache[index];
      const view = cached?.signature === signature ? cached.view : layBlock(block, from, to, spans, index, first, last, stats);
      next[index] = { signature, view };
      const previous = groups.at(-1);
      if (block.type !== "list-item") groups.push(view);
      else if (previous?.type === "list") previous.items.push(view);
      else groups.push({ key: block.start, type: "list", items: [view] });
    });
    cache = next;
    return groups;
  };
}

/** The annotations with text in each block (a non-empty intersection), in order of start: one sweep with a list of those still open. */
function overlaps(bounds: readonly { from: number; to: number }[], annotations: readonly Placed[], stats: LayoutStats): Placed[][] {
  const sorted = annotations.filter((annotation) => annotation.end > annotation.start).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  let next = 0;
  let active: Placed[] = [];
  return bounds.map(({ from, to }) => {
    while (next < sorted.length && sorted[next].start < to) active.push(sorted[next++]);
    // Blocks only move forward: an annotation ending before this block can never reach a later one.
    const still: Placed[] = [];
    for (const span of active) {
      stats.visits++;
      if (span.end > from) still.push(span);
    }
    active = still;
    // A copy: the next block adds to `active`.
    return from < to ? [...still] : [];
  });
}

function layBlock(block: Block, from: number, to: number, spans: Placed[], index: number, first: Map<string, number>, last: Map<string, number>, stats: LayoutStats): BlockView {
  stats.laidOut++;
  stats.visits += spans.length;
  const kindOf = new Map(spans.map((span) => [span.id, span.kind]));
  const opened = new Set<string>();
  const lastPiece = new Map<string, SegmentView>();
  const segments = segment(spans, from, to).map((piece): SegmentView => {
    const view: SegmentView = { ...piece, kinds: piece.ids.map((id) => kindOf.get(id)!), opens: [], closes: [] };
    for (const id of piece.ids) {
      if (first.get(id) === index && !opened.has(id)) view.opens.push(id);
      opened.add(id);
      lastPiece.set(id, view);
    }
    return view;
  });
  for (const [id, view] of lastPiece) if (last.get(id) === index) view.closes.push(id);
  return { key: block.start, type: block.type, level: block.level, segments, ids: spans.map((span) => span.id), opening: segments.flatMap((piece) => piece.opens) };
}

/** One layout, without reuse (tests, one-off callers). */
export const layoutArticle = (text: string, blocks: readonly Block[], annotations: readonly Placed[]) => createLayout(text, blocks)(annotations);

/**
 * What one paragraph's rendering depends on besides its view, as values that stay equal while nothing in it changed:
 * the open annotation only if it has text here, this block's flashing ids, and the labels and statuses of those starting here.
 */
export function paragraphState(view: BlockView, openId: string | null, flashing: ReadonlySet<string>, labels: ReadonlyMap<string, string>, statuses: ReadonlyMap<string, string>) {
  return {
    openId: openId !== null && view.ids.includes(openId) ? openId : null,
    flashKey: view.ids.filter((id) => flashing.has(id)).join(" "),
    labelKey: view.opening.map((id) => `${labels.get(id)}:${statuses.get(id)}`).join(" "),
  };
}
