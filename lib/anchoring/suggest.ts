import { diffUnits, Kind, lowerBound, STOP_WORDS, type Units } from "./tokens";

export type Placement = { start: number; end: number; score: number };
export type QuoteContext = { quote: string; prefix: string; suffix: string };

/** A fuzzy window must hold this share of the quote's words to be offered at all. */
export const FUZZY_MIN = 0.6;
/** A fuzzy window scores below every exact occurrence (which scores 0.5–1 by context). */
const FUZZY_MAX = 0.95;

/**
 * The best place for an orphan's words in `text`, or null: exact occurrences
 * of the quote ranked by how much of the stored context agrees, else the
 * window of the quote's length that holds most of its words (score < 1,
 * at least FUZZY_MIN, and two content words or more, since a lone name or
 * figure matches everywhere). Only ever offered to an editor (the "Needs
 * placement" tray), never applied.
 */
export function suggestPlacement(text: string, span: QuoteContext): Placement | null {
  return exactPlacement(text, span) ?? fuzzyPlacement(text, diffUnits(text), span.quote, [[0, text.length]]);
}

/** The exact occurrence of the quote inside [from, to) whose surroundings repeat most of the stored context. */
export function exactPlacement(text: string, span: QuoteContext, from = 0, to = text.length): Placement | null {
  const { quote } = span;
  if (quote.trim() === "") return null;
  let best: Placement | null = null;
  for (let at = text.indexOf(quote, from); at >= 0 && at + quote.length <= to; at = text.indexOf(quote, at + 1)) {
    const score = 0.5 + 0.5 * contextAgreement(text, at, at + quote.length, span);
    if (!best || score > best.score)
      best = { start: at, end: at + quote.length, score: Math.round(score * 1000) / 1000 };
  }
  return best;
}

/** Share (0–1) of the stored prefix and suffix that the text around [start, end) repeats. */
function contextAgreement(text: string, start: number, end: number, span: QuoteContext): number {
  const total = span.prefix.length + span.suffix.length;
  if (total === 0) return 1;
  let before = 0;
  while (
    before < span.prefix.length &&
    start - before > 0 &&
    text[start - before - 1] === span.prefix[span.prefix.length - before - 1]
  )
    before++;
  let after = 0;
  while (after < span.suffix.length && end + after < text.length && text[end + after] === span.suffix[after]) after++;
  return (before + after) / total;
}

/**
 * Sliding window of the quote's word count over the words of `ranges` of the
 * text: linear in the words searched. The window is trimmed to its first and
 * last word that belongs to the quote.
 */
export function fuzzyPlacement(
  text: string,
  units: Units,
  quote: string,
  ranges: readonly [number, number][],
): Placement | null {
  const wanted = new Map<string, number>();
  const quoteUnits = diffUnits(quote);
  let size = 0;
  let content = 0;
  for (let u = 0; u < quoteUnits.count; u++) {
    if (quoteUnits.kinds[u] !== Kind.Word) continue;
    const word = quoteUnits.key(u).toLowerCase();
    wanted.set(word, (wanted.get(word) ?? 0) + 1);
    size++;
    if (!STOP_WORDS.has(word)) content++;
  }
  if (content < 2) return null;
  let best: { matched: number; start: number; end: number } | null = null;
  for (const [from, to] of ranges) {
    // Words outside the quote only take room in the window: kept as null, never counted.
    const words: number[] = [];
    const keys: (string | null)[] = [];
    for (let u = lowerBound(units.starts, from); u < units.count && units.starts[u] < to; u++) {
      if (units.kinds[u] !== Kind.Word || units.coreEnds[u] > to) continue;
      const word = units.key(u).toLowerCase();
      words.push(u);
      keys.push(wanted.has(word) ? word : null);
    }
    const inWindow = new Map<string, number>();
    let matched = 0;
    let top = 0;
    let topEnd = -1;
    for (let w = 0; w < words.length; w++) {
      const key = keys[w];
      if (key !== null) {
        const has = inWindow.get(key) ?? 0;
        if (has < (wanted.get(key) ?? 0)) matched++;
        inWindow.set(key, has + 1);
      }
      const gone = w >= size ? keys[w - size] : null;
      if (gone !== null) {
        const left = (inWindow.get(gone) ?? 0) - 1;
        inWindow.set(gone, left);
        if (left < (wanted.get(gone) ?? 0)) matched--;
      }
      if (matched > top) [top, topEnd] = [matched, w];
    }
    if (topEnd < 0 || (best && top <= best.matched)) continue;
    let first = Math.max(0, topEnd - size + 1);
    let last = topEnd;
    while (first < last && keys[first] === null) first++;
    while (last > first && keys[last] === null) last--;
    best = { matched: top, start: units.starts[words[first]], end: units.coreEnds[words[last]] };
  }
  if (!best || best.matched / size < FUZZY_MIN) return null;
  return { start: best.start, end: best.end, score: Math.round((best.matched / size) * FUZZY_MAX * 1000) / 1000 };
}
