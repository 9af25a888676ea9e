export type Placement = { start: number; end: number; score: number };
export type QuoteContext = { quote: string; prefix: string; suffix: string };

/**
 * The best place for an orphan's words in `text`, or null: exact occurrences
 * of the quote ranked by how much of the stored context agrees. Only ever
 * offered to an editor (the "Needs placement" tray), never applied.
 */
export function suggestPlacement(text: string, span: QuoteContext): Placement | null {
  const { quote } = span;
  if (quote.trim() === "") return null;
  let best: Placement | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const score = 0.5 + 0.5 * contextAgreement(text, at, at + quote.length, span);
    if (!best || score > best.score) best = { start: at, end: at + quote.length, score };
  }
  return best;
}

/** Share (0–1) of the stored prefix and suffix that the text around [start, end) repeats. */
export function contextAgreement(text: string, start: number, end: number, span: QuoteContext): number {
  const total = span.prefix.length + span.suffix.length;
  if (total === 0) return 1;
  let before = 0;
  while (before < span.prefix.length && start - before > 0 && text[start - before - 1] === span.prefix[span.prefix.length - before - 1]) before++;
  let after = 0;
  while (after < span.suffix.length && end + after < text.length && text[end + after] === span.suffix[after]) after++;
  return (before + after) / total;
}
