export type Span = { id: string; start: number; end: number };

/** A run of text covered by the same set of spans; `ids` outermost first. */
export type Segment = { start: number; end: number; ids: string[] };

/**
 * Splits [from, to) at every span edge, so overlapping and nested spans render
 * as flat, consecutive segments, each knowing every span that covers it. The
 * segments carrying an id, concatenated, are exactly that span's text.
 * Sweep over sorted edges: O((n + s) log s) for s spans.
 *
 * Called once per block by the exports and the workbench, so it allocates
 * little beyond its result: plain loops instead of filter/map chains and Sets
 * (a long article has thousands of blocks, and the garbage adds up).
 */
export function segment(spans: readonly Span[], from: number, to: number): Segment[] {
  if (to <= from) return [];
  const inside: Span[] = [];
  for (const span of spans) if (span.end > from && span.start < to && span.end > span.start) inside.push(span);
  if (inside.length === 0) return [{ start: from, end: to, ids: [] }];
  const points = [from, to];
  for (const span of inside) points.push(Math.max(from, span.start), Math.min(to, span.end));
  points.sort(ascending);
  inside.sort(outermostFirst);
  const segments: Segment[] = [];
  let previous: Segment | null = null;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start === end) continue; // the same edge twice
    const ids: string[] = [];
    for (const span of inside) if (span.start <= start && span.end >= end) ids.push(span.id);
    // Adjacent runs with the same covering spans stay one segment.
    if (previous && sameIds(previous.ids, ids)) previous.end = end;
    else segments.push((previous = { start, end, ids }));
  }
  return segments;
}

/** Longer (enclosing) spans first, then by start, then by id for a stable order. */
export function outermostFirst(a: Span, b: Span): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || a.id.localeCompare(b.id);
}

const ascending = (a: number, b: number) => a - b;

function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
