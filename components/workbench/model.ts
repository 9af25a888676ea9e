import { VERDICTS, type AnnotationKind, type Verdict } from "@/lib/domain/annotation";
import type { Placed } from "./layout";

export { KIND_LETTER } from "@/lib/domain/annotation-label";

export {
  createLayout,
  layoutArticle,
  type BlockGroup,
  type BlockView,
  type LayoutStats,
  type Placed,
  type SegmentView,
} from "./layout";

/** Reading order: by start, the longer (enclosing) one first, then by id. */
export const byPosition = (a: Placed, b: Placed) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);

/** Labels by id (C3, D1): the server's, given at creation and fixed, so the text, panel, index and presence line agree with the exports and the audit log. */
export function labelsFor(annotations: readonly { id: string; label: string }[]): Map<string, string> {
  return new Map(annotations.map((annotation) => [annotation.id, annotation.label]));
}

/** The next (step 1) or previous (step -1) annotation in reading order; from none, the first or the last. Wraps around. */
export const neighbour = (annotations: readonly Placed[], currentId: string | null, by: 1 | -1): string | null =>
  step([...annotations].sort(byPosition), currentId, by);

/** The next (by 1) or previous (by -1) in `ordered`; from none, the first or the last. Wraps around. */
export function step(ordered: readonly { id: string }[], currentId: string | null, by: 1 | -1): string | null {
  if (ordered.length === 0) return null;
  const index = ordered.findIndex((annotation) => annotation.id === currentId);
  if (index < 0) return (by === 1 ? ordered[0] : ordered.at(-1)!).id;
  return ordered[(index + by + ordered.length) % ordered.length].id;
}

export function kindCounts(annotations: readonly { kind: AnnotationKind }[]): Record<AnnotationKind, number> {
  const counts: Record<AnnotationKind, number> = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  for (const annotation of annotations) counts[annotation.kind]++;
  return counts;
}

/** Verdicts of the rated kinds (claims, denials) in scale order, zeros left out; null is "not rated yet". */
export function verdictBreakdown(
  annotations: readonly { kind: AnnotationKind; verdict: Verdict | null }[],
): { verdict: Verdict | null; count: number }[] {
  const rated = annotations.filter((annotation) => annotation.kind !== "ANALYSIS");
  return [...VERDICTS, null]
    .map((verdict) => ({ verdict, count: rated.filter((annotation) => annotation.verdict === verdict).length }))
    .filter((row) => row.count > 0);
}

/** Percent widths that add up to exactly 100 (largest remainders), so the bar never wraps or leaves a gap. */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - floors[index] }))
    .sort((a, b) => b.remainder - a.remainder);
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
