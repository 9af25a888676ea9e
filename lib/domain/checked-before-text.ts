/**
 * The words "Checked before" asks about (GET /api/v1/claims/similar, decision 030): a claim's quote as the query
 * takes it. Plain code, no zod: the workbench imports it, and the query's schema reads the same limits.
 */
export const CHECKED_BEFORE_TEXT = { min: 3, max: 2000 } as const;

/**
 * The quote to ask about, or null when it is too short to ask (fewer than 3 characters): a paragraph-long claim is
 * asked about by its first 2,000 characters, cut at a word, not refused. A claim's assertion comes early in it.
 */
export function checkedBeforeText(quote: string): string | null {
  const text = quote.trim();
  if (text.length < CHECKED_BEFORE_TEXT.min) return null;
  if (text.length <= CHECKED_BEFORE_TEXT.max) return text;
  const cut = text.slice(0, CHECKED_BEFORE_TEXT.max);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace > CHECKED_BEFORE_TEXT.max / 2 ? cut.slice(0, lastSpace) : cut;
}
