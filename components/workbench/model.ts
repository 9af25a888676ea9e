import { segment } from "@/lib/anchoring/segments";
import { VERDICTS, type AnnotationKind, type Verdict } from "@/lib/domain/annotation";
import type { Block } from "@/lib/domain/article";

export { KIND_LETTER } from "@/lib/domain/annotation-label";

/** The few fields of an annotation the layout and navigation need. */
export type Placed = { id: string; kind: AnnotationKind; start: number; end: number };

/** Reading order: by start, the longer (enclosing) one first, then by id. */
export const byPosition = (a: Placed, b: Placed) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);

/** Labels by id (C3, D1): the server's, given at creation and fixed, so the text, panel, index and presence line agree with the exports and the audit log. */
export function labelsFor(annotations: readonly { id: string; label: string }[]): Map<string, string> {
  return new Map(annotations.map((annotation) => [annotation.id, annotation.label]));
}

/** The next (step 1) or previous (step -1) annotation in reading order; from none, the first or the last. Wraps around. */
export function neighbour(annotations: readonly Placed[], currentId: string | null, step: 1 | -1): string | null {
  const ordered = [...annotations].sort(byPosition);
  if (ordered.length === 0) return null;
  const index = ordered.findIndex((annotation) => annotation.id === currentId);
  if (index < 0) return (step === 1 ? ordered[0] : ordered.at(-1)!).id;
  return ordered[(index + step + ordered.length) % ordered.length].id;
}

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
export type BlockView = { key: number; type: Block["type"]; level?: number; segments: SegmentView[] };
/** Consecutive list items share one list. */
export type BlockGroup = BlockView | { key: number; type: "list"; items: BlockView[] };

/**
 * The article as blocks of flat segments: every character of every block in
 * exactly one segment, each segment knowing the annotations over it. Text
 * outside blocks is not shown.
 */
export function layoutArticle(text: string, blocks: readonly Block[], annotations: readonly Placed[]): BlockGroup[] {
  const kindOf = new Map(annotations.map((annotation) => [annotation.id, annotation.kind]));
  const opened = new Set<string>();
  const last = new Map<string, SegmentView>();
  const groups: BlockGroup[] = [];
  for (const block of blocks) {
    const from = Math.max(0, Math.min(block.start, text.length));
    const to = Math.max(from, Math.min(block.end, text.length));
    const segments = segment(annotations, from, to).map((piece): SegmentView => {
      const view: SegmentView = { ...piece, kinds: piece.ids.map((id) => kindOf.get(id)!), opens: [], closes: [] };
      for (const id of piece.ids) {
        if (!opened.has(id)) view.opens.push(id);
        opened.add(id);
        last.set(id, view);
      }
      return view;
    });
    const view: BlockView = { key: block.start, type: block.type, level: block.level, segments };
    const previous = groups.at(-1);
    if (block.type !== "list-item") groups.push(view);
    else if (previous?.type === "list") previous.items.push(view);
    else groups.push({ key: block.start, type: "list", items: [view] });
  }
  for (const [id, view] of last) view.closes.push(id);
  return groups;
}

export function kindCounts(annotations: readonly { kind: AnnotationKind }[]): Record<AnnotationKind, number> {
  const counts: Record<AnnotationKind, number> = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  for (const annotation of annotations) counts[annotation.kind]++;
  return counts;
}

/** Verdicts of the rated kinds (claims, denials) in scale order, zeros left out; null is "not rated yet". */
export function verdictBreakdown(annotations: readonly { kind: AnnotationKind; verdict: Verdict | null }[]): { verdict: Verdict | null; count: number }[] {
  const rated = annotations.filter((annotation) => annotation.kind !== "ANALYSIS");
  return [...VERDICTS, null].map((verdict) => ({ verdict, count: rated.filter((annotation) => annotation.verdict === verdict).length })).filter((row) => row.count > 0);
}

/** Percent widths that add up to exactly 100 (largest remainders), so the bar never wraps or leaves a gap. */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - floors[index] })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index]++;
    left--;
  }
  return floors;
}

/** A one-line excerpt of a quote for lists and selects. */
export function excerpt(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
