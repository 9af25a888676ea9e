export type Span = { id: string; start: number; end: number };

/** A run of text covered by the same set of spans; `ids` outermost first. */
export type Segment = { start: number; end: number; ids: string[] };

/**
 * Splits [from, to) at every span edge, so overlapping and nested spans render
 * as flat, consecutive segments, each knowing every span that covers it. The
 * segments carrying an id, concatenated, are exactly that span's text.
 * Sweep over sorted edges: O((n + s) log s) for s spans.
 */
export function segment(spans: readonly Span[], from: number, to: number): Segment[] {
  if (to <= from) return [];
  const inside = spans.filter((span) => span.end > from && span.start < to && span.end > span.start);
  const cuts = new Set<number>([from, to]);
  for (const span of inside) {
    cuts.add(Math.max(from, span.start));
    cuts.add(Math.min(to, span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const order = [...inside].sort(outermostFirst);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const ids = order.filter((span) => span.start <= start && span.end >= end).map((span) => span.id);
    const previous = segments.at(-1);
    // Adjacent runs with the same covering spans stay one segment.
    if (previous && previous.end === start && sameIds(previous.ids, ids)) previous.end = end;
    else segments.push({ start, end, ids });
  }
  return segments;
}

/** Longer (enclosing) spans first, then by start, then by id for a stable order. */
export function outermostFirst(a: Span, b: Span): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || a.id.localeCompare(b.id);
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);
