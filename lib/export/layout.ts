import type { Span } from "../anchoring/segments";
import type { Block, BlockType } from "../domain/article";

/**
 * A block as rendered: its visible content [start, end) plus the whitespace
 * around it that belongs to no block ([renderStart, start) before the first
 * block, [end, renderEnd) up to the next block). The rendered ranges tile the
 * whole text, so every character of the revision is written out once.
 */
export type LaidBlock = {
  type: BlockType;
  level: number;
  renderStart: number;
  start: number;
  end: number;
  renderEnd: number;
};

const NON_SPACE = /\S/;

/**
 * Sorts and clips the stored blocks, and turns any text that no block covers
 * into a paragraph when it is more than whitespace (nothing is ever hidden).
 */
export function layOutBlocks(text: string, blocks: readonly Block[]): LaidBlock[] {
  const length = text.length;
  const sorted: Omit<LaidBlock, "renderStart" | "renderEnd">[] = [];
  for (const block of blocks) {
    if (!Number.isInteger(block.start) || !Number.isInteger(block.end)) continue;
    sorted.push({
      type: block.type,
      level: block.level ?? 1,
      start: Math.max(0, block.start),
      end: Math.min(length, block.end),
    });
  }
  sorted.sort((a, b) => a.start - b.start || b.end - a.end);
  const content: LaidBlock[] = [];
  const add = (type: BlockType, level: number, start: number, end: number) =>
    content.push({ type, level, renderStart: start, start, end, renderEnd: end });
  /** Text between blocks becomes a paragraph when it is more than whitespace. */
  const fill = (from: number, to: number) => {
    if (to <= from) return;
    const gap = text.slice(from, to);
    const first = gap.search(NON_SPACE);
    if (first < 0) return;
    let last = gap.length - 1;
    while (!NON_SPACE.test(gap[last])) last--;
    add("paragraph", 1, from + first, from + last + 1);
  };
  let cursor = 0;
  for (const block of sorted) {
    const start = Math.max(block.start, cursor);
    if (block.end <= start) continue;
    fill(cursor, start);
    add(block.type, block.level, start, block.end);
    cursor = block.end;
  }
  fill(cursor, length);
  if (content.length === 0) add("paragraph", 1, 0, 0);
  // Stretch each block's rendered range over the whitespace up to the next block.
  content[0].renderStart = 0;
  for (let i = 0; i < content.length; i++)
    content[i].renderEnd = i + 1 < content.length ? content[i + 1].start : length;
  return content;
}

/**
 * The spans touching each block's rendered range, by one sweep over spans
 * sorted by start: O(blocks + spans + overlaps), not blocks × spans.
 */
export function bucketSpans(blocks: readonly LaidBlock[], spans: readonly Span[]): Span[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const buckets: Span[][] = [];
  let active: Span[] = [];
  let next = 0;
  for (const block of blocks) {
    // A fresh array each time, so the bucket pushed last round is never mutated.
    active = active.filter((span) => span.end > block.renderStart);
    // Rendered ranges tile the text, so a span starting here ends after renderStart.
    while (next < sorted.length && sorted[next].start < block.renderEnd) active.push(sorted[next++]);
    buckets.push(active);
  }
  return buckets;
}
