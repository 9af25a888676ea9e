import type { CorpusPage } from "./corpus";
import { extractPage } from "./extract-page";
import { type ExtractedPage, NotAnArticle } from "./types";
import { type WordScore, wordF1 } from "./word-f1";

export type PageScore = WordScore & {
  name: string;
  article: boolean;
  /** What the floor is compared with: word F1 for an article; 1 refused / 0 accepted for a non-article. */
  score: number;
  /** Why extraction failed, if it threw (an article refused, or an unexpected error). */
  error?: string;
};

const NONE: WordScore = { precision: 0, recall: 0, f1: 0, extracted: 0, expected: 0, matched: 0 };

/**
 * One corpus page through an extractor (the real one by default; the bench
 * passes others to compare): an article is scored by word F1 against its
 * expected text, a non-article by whether it is refused as NotAnArticle.
 */
export function scorePage(page: CorpusPage, extract: (html: string) => ExtractedPage = extractPage): PageScore {
  let extracted: ExtractedPage | undefined;
  let error: string | undefined;
  try {
    extracted = extract(page.html);
  } catch (thrown) {
    if (page.expectedText === undefined && thrown instanceof NotAnArticle) {
      return { name: page.name, article: false, ...NONE, score: 1 };
    }
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  if (page.expectedText === undefined)
    return { name: page.name, article: false, ...NONE, score: 0, ...(error ? { error } : {}) };
  const words = extracted ? wordF1(extracted.content.text, page.expectedText) : wordF1("", page.expectedText);
  return { name: page.name, article: true, ...words, score: words.f1, ...(error ? { error } : {}) };
}

/** Rounded down to 3 decimals, so a floor never exceeds the measured figure. */
export function floorOf(score: number): number {
  return Math.floor(score * 1000 + 1e-9) / 1000;
}

/** A fixed-width table (page, precision, recall, F1) and the mean over the articles. */
export function scoreTable(scores: PageScore[]): string {
  const width = Math.max(4, ...scores.map((s) => s.name.length));
  const pct = (n: number) => n.toFixed(3).padStart(9);
  const rows = scores.map((s) =>
    !s.article
      ? `${s.name.padEnd(width)} ${s.score === 1 ? "refused (not an article)" : `NOT REFUSED${s.error ? `: ${s.error}` : ""}`}`
      : `${s.name.padEnd(width)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${s.error ? `  ${s.error}` : ""}`,
  );
  const articles = scores.filter((s) => s.article);
  const mean = (pick: (s: PageScore) => number) =>
    articles.reduce((sum, s) => sum + pick(s), 0) / (articles.length || 1);
  return [
    `${"page".padEnd(width)}${"precision".padStart(9)}${"recall".padStart(9)}${"F1".padStart(9)}`,
    ...rows,
    `${`mean of ${articles.length} articles`.padEnd(width)}${pct(mean((s) => s.precision))}${pct(mean((s) => s.recall))}${pct(mean((s) => s.f1))}`,
  ].join("\n");
}
