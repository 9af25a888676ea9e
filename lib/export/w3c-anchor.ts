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

/** Where an imported annotation goes (placeParsed). */
export type Placement =
  | {
      start: number;
      end: number;
      /** On the current text; the anchoring the document gave (ANCHORED or CHANGED), or null for a foreign one. */
      anchor: { status: "ANCHORED" | "CHANGED"; score: number; previousQuote: string | null } | null;
    }
  | { start: number; end: number; orphanedOn: string }
  | { reason: string };

/**
 * Where an annotation of a W3C document goes in an article whose current revision
 * is `current` (docs/export-mapping.md, "Revisions"):
 *  - one the document marks ORPHANED is never searched for in the current text
 *    (re-anchoring found its words gone there; a search could only land on a twin):
 *    it stays ORPHANED on its own revision when that revision is one of this
 *    article's (`olderText` gives its text by id) and its words are still found
 *    there exactly; otherwise it is not placed, with the reason;
 *  - any other is anchored on the current text by anchorParsed, keeping the
 *    ANCHORED / CHANGED state and the previous quote the document gives.
 * An "orphan" whose named revision is the current one is on this very text and
 * is placed like any other.
 */
export function placeParsed(
  parsed: Pick<ParsedAnnotation, "quote" | "position" | "revision" | "anchor">,
  current: { id: string; text: string },
  olderText: (revisionId: string) => string | null,
): Placement {
  const { anchor, revision } = parsed;
  if (anchor?.status === "ORPHANED" && revision?.id !== current.id) {
    const named = revision?.number ? `revision ${revision.number}` : "an earlier revision";
    const text = revision?.id ? olderText(revision.id) : null;
    if (text === null)
      return {
        reason: `it was not placed in the article it came from (its words were last found on ${named} there), and that revision is not one of this article's, so it is not placed here either: a search of this text could put it on the wrong words`,
      };
    const found = anchorParsed(text, parsed);
    if ("reason" in found) return { reason: `it could not be placed, and on ${named} of this article ${found.reason}` };
    return { ...found, orphanedOn: revision!.id! };
  }
  const found = anchorParsed(current.text, parsed);
  if ("reason" in found) return found;
  const kept =
    anchor && anchor.status !== "ORPHANED"
      ? {
          status: anchor.status,
          score: anchor.score,
          previousQuote: anchor.status === "CHANGED" ? anchor.previousQuote : null,
        }
      : null;
  return { ...found, anchor: kept };
}
