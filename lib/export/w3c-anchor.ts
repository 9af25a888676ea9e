import type { ParsedAnnotation } from "./w3c-parse";
import { oneLine } from "../domain/one-line";

export type Anchored = { start: number; end: number };

/**
 * Places a parsed annotation in `text` (exact matching, no fuzzy search):
 *  1. the position selector, when it selects exactly the quote (or there is
 *     no quote to check it against);
 *  2. else the quote: its only occurrence, or among several the one whose
 *     surrounding text agrees longest with the stored prefix and suffix
 *     (ties go to the occurrence nearest the old position, then the first);
 *  3. else a reason.
 */
export function anchorParsed(
  text: string,
  parsed: Pick<ParsedAnnotation, "quote" | "position">,
): Anchored | { reason: string } {
  const { quote, position } = parsed;
  if (position && position.start >= 0 && position.start < position.end && position.end <= text.length) {
    if (!quote || text.slice(position.start, position.end) === quote.exact)
      return { start: position.start, end: position.end };
  }
  if (!quote) {
    return {
      reason: `the position [${position?.start}, ${position?.end}) is outside the text (${text.length} characters) and there is no quote to search for`,
    };
  }
  const { exact, prefix, suffix } = quote;
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = commonSuffix(text, at, prefix) + commonPrefix(text, at + exact.length, suffix);
    const distance = position ? Math.abs(at - position.start) : 0;
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { start: at, score, distance };
  }
  if (!best) return { reason: `the quote “${preview(exact)}” no longer appears in the text` };
  return { start: best.start, end: best.start + exact.length };
}

/** How many characters of `prefix`, read backwards, match the text before `at`. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many characters of `suffix` match the text from `at`. */
function commonPrefix(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

const preview = (quote: string) => oneLine(quote, 60);
