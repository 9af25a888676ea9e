/**
 * Bag-of-words F1 between extracted and expected article text (the measure the
 * issue's "Done when" is stated in): lower-cased Unicode letter/number runs, each
 * extracted word matching at most one expected occurrence of the same word.
 */
export type WordScore = {
  precision: number;
  recall: number;
  f1: number;
  /** Word counts: extracted, expected, and matched (shared occurrences). */
  extracted: number;
  expected: number;
  matched: number;
};

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function counts(tokens: string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const token of tokens) bag.set(token, (bag.get(token) ?? 0) + 1);
  return bag;
}

export function wordF1(extractedText: string, expectedText: string): WordScore {
  const extracted = words(extractedText);
  const expected = counts(words(expectedText));
  let matched = 0;
  for (const [word, n] of counts(extracted)) matched += Math.min(n, expected.get(word) ?? 0);
  const expectedCount = [...expected.values()].reduce((sum, n) => sum + n, 0);
  // Two empty texts agree perfectly; one empty side shares nothing with the other.
  if (extracted.length === 0 && expectedCount === 0) {
    return { precision: 1, recall: 1, f1: 1, extracted: 0, expected: 0, matched: 0 };
  }
  const precision = extracted.length ? matched / extracted.length : 0;
  const recall = expectedCount ? matched / expectedCount : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, extracted: extracted.length, expected: expectedCount, matched };
}
