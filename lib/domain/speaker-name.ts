/**
 * A speaker name's matching key: trimmed, runs of ASCII whitespace made one
 * space, ASCII letters lower-cased. Only ASCII is folded on purpose: the data
 * migration computes the same key in SQL, where SQLite's lower() folds ASCII
 * only and PostgreSQL's folds all of Unicode, so anything wider would give
 * the two databases (and later writes) different keys for one name. "José"
 * and "JOSÉ" therefore get different keys; suggestions (speakerSearchText)
 * match without case and diacritics, and a merge joins such records.
 * Plain code, no zod: client components import this module.
 */
export function speakerNameKey(name: string): string {
  return name
    .replace(/[\t\n\v\f\r ]+/g, " ")
    .replace(/^ | $/g, "")
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** What a suggestion search compares: case- and diacritic-insensitive, any whitespace one space. */
export function speakerSearchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Whether a name answers a query typed in the speaker field: the query is a
 * prefix of the name or of one of its words ("per" finds "José Pérez").
 * Both sides already passed through speakerSearchText.
 */
export function speakerNameMatches(name: string, query: string): 0 | 1 | 2 {
  if (!query) return 1;
  if (name.startsWith(query)) return 2;
  return name.includes(` ${query}`) ? 1 : 0;
}
