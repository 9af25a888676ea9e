import type { AnnotationStatus } from "@/lib/domain/annotation";
import type { BlockView } from "./layout";
import { inlineLabel } from "./status";

/**
 * The fixed set of highlight names the article text draws with (CSS Custom Highlight API, styled in
 * app/workbench.css as ::highlight(name)), lowest first: a later name paints over an earlier one.
 */
export const HIGHLIGHT_NAMES = [
  "wb-claim",
  "wb-denial",
  "wb-analysis",
  // Nested kinds: the outermost's colour with the innermost's underline (wb-<outer>-<inner>), so both show.
  "wb-claim-denial",
  "wb-claim-analysis",
  "wb-denial-claim",
  "wb-denial-analysis",
  "wb-analysis-claim",
  "wb-analysis-denial",
  "wb-depth-2",
  "wb-depth-3",
  "wb-depth-4",
  "wb-changed",
  "wb-flashing",
  "wb-open",
] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

/** One run of a block's text under the same annotations, in text offsets, with the highlights it belongs to. */
export type HighlightPiece = { start: number; end: number; ids: string[]; names: HighlightName[] };

/** A block's text span: its segments are contiguous, from the first one's start to the last one's end. */
export function blockSpan(view: BlockView): { start: number; end: number } | null {
  const first = view.segments[0];
  return first ? { start: first.start, end: view.segments.at(-1)!.end } : null;
}

/**
 * The highlighted pieces of one block, as the marks' classes were: the outermost annotation's kind gives the colour
 * and the innermost's the underline pattern (one name for both), how many annotations overlap (darker from 2), open,
 * flashing, words changed. Unannotated runs draw nothing. `openId` is the open annotation if it has text here; flashing and changed are this block's ids.
 */
export function blockPieces(
  view: BlockView,
  openId: string | null,
  flashing: ReadonlySet<string>,
  changed: ReadonlySet<string>,
): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  for (const segment of view.segments) {
    if (segment.ids.length === 0) continue;
    const outer = segment.kinds[0].toLowerCase();
    const inner = segment.kinds.at(-1)!.toLowerCase();
    const names: HighlightName[] = [(inner === outer ? `wb-${outer}` : `wb-${outer}-${inner}`) as HighlightName];
    if (segment.ids.length > 1) names.push(`wb-depth-${Math.min(segment.ids.length, 4)}` as HighlightName);
    if (segment.ids.some((id) => changed.has(id))) names.push("wb-changed");
    if (segment.ids.some((id) => flashing.has(id))) names.push("wb-flashing");
    if (openId !== null && segment.ids.includes(openId)) names.push("wb-open");
    pieces.push({ start: segment.start, end: segment.end, ids: segment.ids, names });
  }
  return pieces;
}

/** The ids in a paragraph key ("a b c", from paragraphState) as a set. */
export const idSet = (key: string): ReadonlySet<string> => new Set(key ? key.split(" ") : []);

/** Parts of a block's label attributes are joined with these: no label contains a plain space or a semicolon. */
export const LABEL_SEPARATOR = " ";
export const SPOKEN_SEPARATOR = "; ";

/**
 * The labels of the annotations whose first piece is in a block, in text order, as the block's attributes:
 * "C1✓ D2→" to see (generated content at the paragraph's start), "C1 approved; D2 submitted" to hear, tinted by
 * status only when they agree, Δ for words a revision changed.
 */
export function startLabel(
  ids: readonly string[],
  labels: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, AnnotationStatus>,
  changed: ReadonlySet<string>,
): { "data-label"?: string; "data-label-alt"?: string; "data-status"?: string } {
  if (ids.length === 0) return {};
  const parts = ids.map((id) => {
    const part = inlineLabel(labels.get(id) ?? "", statuses.get(id));
    return changed.has(id) ? { text: `${part.text}\u202fΔ`, spoken: `${part.spoken}, words changed` } : part;
  });
  const first = statuses.get(ids[0]);
  const agreed = first && ids.every((id) => statuses.get(id) === first) ? first.toLowerCase() : undefined;
  return {
    "data-label": parts.map((part) => part.text).join(LABEL_SEPARATOR),
    "data-label-alt": parts.map((part) => part.spoken).join(SPOKEN_SEPARATOR),
    "data-status": agreed,
  };
}

/** The pieces covering a text offset (the character starting there), outermost first; [] when none. */
export function idsAt(pieces: readonly HighlightPiece[], offset: number): string[] {
  for (const piece of pieces) if (piece.start <= offset && offset < piece.end) return piece.ids;
  return [];
}
