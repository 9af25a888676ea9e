/**
 * The arithmetic of the desk's small charts (components/charts): pure, so the
 * SVG components stay a few lines of markup. Plain code: any component may import it.
 */

/** The axis top for values up to `max`: the smallest 1, 2 or 5 × 10ⁿ at or above it (1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= max)!;
}

/** A value's length on an axis `size` long whose top is `top`, never negative, never past the end. */
export function scaled(value: number, top: number, size: number): number {
  if (!(top > 0) || !(value > 0)) return 0;
  return Math.min(size, (value / top) * size);
}

/** One stacked column's segments, bottom up: each series' [start, length] on an axis `size` long. */
export function stack(values: readonly number[], top: number, size: number): { start: number; length: number }[] {
  let at = 0;
  return values.map((value) => {
    const length = scaled(value, top, size);
    const segment = { start: at, length: Math.min(length, size - at) };
    at += segment.length;
    return segment;
  });
}
