/**
 * The words of a search as the database's full-text search will see them
 * (decision 029). Users' text never reaches FTS5 or tsquery syntax: it is cut
 * into words of letters and digits, and each word is quoted, so AND, OR, NEAR,
 * `*`, `:`, `-`, `^` and stray quotes are plain words or nothing at all, never
 * a syntax error (a 500).
 */

/** Longest `q` accepted (422 above it). */
export const SEARCH_MAX_QUERY = 500;
/** Highest page number accepted: past 10,000 results, refine the search. */
export const SEARCH_MAX_PAGE = 500;
export const SEARCH_PAGE_SIZE = 20;
/** Words kept from one query: more only slows the match down without narrowing it in practice. */
export const SEARCH_MAX_WORDS = 32;

/**
 * The delimiters the database puts around matching words in a snippet: Unicode
 * private-use characters, which no real text uses. The page escapes the text
 * first and only then turns them into <mark> (snippetParts).
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** Runs of letters, digits and combining marks (so "café" and "naïve" stay whole); everything else separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The query's distinct words, in order, at most SEARCH_MAX_WORDS. */
export function searchWords(q: string): string[] {
  const seen = new Set<string>();
  for (const match of q.normalize("NFC").matchAll(WORD)) {
    seen.add(match[0].toLowerCase());
    if (seen.size >= SEARCH_MAX_WORDS) break;
  }
  return [...seen];
}

/** FTS5 MATCH text: every word quoted (a word holds no quote, see WORD), all required. */
export function fts5Query(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(" ");
}

/** Text for PostgreSQL's plainto_tsquery: the same words, so both databases require all of them. */
export function tsQueryText(words: readonly string[]): string {
  return words.join(" ");
}

export type SnippetPart = { text: string; marked: boolean };

/**
 * A snippet as plain parts, marked or not: React renders each as text (escaped),
 * marked ones inside <mark>. Unbalanced or stray delimiters are dropped.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, marked });
    text = "";
  };
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      marked = char === MARK_START;
    } else text += char;
  }
  flush();
  return parts;
}
