/** The offsets of `phrase` in `text` (its first occurrence), as an annotation's start and end; throws if absent. */
export function spanOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return { start, end: start + phrase.length };
}
