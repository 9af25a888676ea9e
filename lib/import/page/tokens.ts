/**
 * Text compared by its words: lower-cased Unicode letter/number runs, the same
 * tokens the word-F1 score counts. Two blocks are "the same text" when their
 * keys are equal, whatever whitespace, punctuation or quotation marks differ
 * (an extractor and the page's own walk disagree on those, not on words).
 */
import { words } from "./word-f1";

export const wordsOf = words;

/** The words of `text`, space-separated: equal keys mean the same words in the same order. */
export function textKey(text: string): string {
  return wordsOf(text).join(" ");
}

/** Whether `inner`'s words occur, in order and whole, inside `outer`'s (both keys). */
export function keyContains(outer: string, inner: string): boolean {
  return inner.length > 0 && ` ${outer} `.includes(` ${inner} `);
}

/** How many of `part`'s words (with repeats) also occur in `whole`. */
export function sharedWords(whole: string[], part: string[]): number {
  const counts = new Map<string, number>();
  for (const word of whole) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of part) {
    const left = counts.get(word);
    if (left) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return shared;
}
