/** W3C TextQuoteSelector context: 32 UTF-16 code units each side. */
export const CONTEXT_LENGTH = 32;

export type TextQuote = { quote: string; prefix: string; suffix: string };

/**
 * The quote and its context for [start, end) of text. Offsets are UTF-16 code
 * units, as in the DOM; a context edge that would split a surrogate pair is
 * moved outward by one so no half character is stored.
 */
export function quoteAt(text: string, start: number, end: number, context = CONTEXT_LENGTH): TextQuote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid span [${start}, ${end}) for a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - context);
  if (isLowSurrogate(text.charCodeAt(prefixStart)) && prefixStart > 0) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, end + context);
  if (isLowSurrogate(text.charCodeAt(suffixEnd)) && suffixEnd < text.length) suffixEnd += 1;
  return { quote: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
