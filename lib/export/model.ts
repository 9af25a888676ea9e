import type { ArticleView, AnnotationView, RevisionSummary } from "../views/article-view";

/** An annotation with its note number N (1-based), shared by every export format. */
export type NumberedAnnotation = {
  annotation: AnnotationView;
  n: number;
  /**
   * True when it is placed in the current revision: on that revision (revisionId), not
   * ORPHANED, and its offsets select its quote there. False ones are never drawn in the
   * text nor given a ClaimReview; the HTML lists them in its appendix.
   */
  anchored: boolean;
};

/**
 * True when the annotation is placed in `revision`: it refers to that revision, is not
 * ORPHANED, and [start, end) of the text is its quote (whitespace runs may differ: a
 * re-flowed paragraph does not unplace an annotation, decision 023).
 */
export function isAnchored(annotation: AnnotationView, revision: { id: string; text: string }): boolean {
  const { start, end } = annotation;
  const { text } = revision;
  if (
    annotation.status === "ORPHANED" ||
    annotation.anchor.status === "ORPHANED" ||
    annotation.revisionId !== revision.id ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start >= end ||
    end > text.length
  )
    return false;
  const words = text.slice(start, end);
  return words === annotation.quote || collapse(words) === collapse(annotation.quote);
}

const collapse = (value: string) => value.replace(/\s+/g, " ");

/**
 * Reading order: anchored annotations by start, enclosing spans before the
 * spans they contain, then by id; annotations that cannot be placed in the
 * text (orphans) come last, oldest first. N is the position in that order, so
 * the HTML note, the ClaimReview URL (#note-N) and the CSV row agree.
 */
export function numberAnnotations(article: ArticleView): NumberedAnnotation[] {
  const placed: AnnotationView[] = [];
  const unplaced: AnnotationView[] = [];
  for (const annotation of article.annotations)
    (isAnchored(annotation, article.revision) ? placed : unplaced).push(annotation);
  placed.sort((a, b) => a.start - b.start || b.end - a.end || compareIds(a.id, b.id));
  unplaced.sort((a, b) => compareIds(a.createdAt, b.createdAt) || compareIds(a.id, b.id));
  const numbered: NumberedAnnotation[] = [];
  for (const annotation of placed) numbered.push({ annotation, n: numbered.length + 1, anchored: true });
  for (const annotation of unplaced) numbered.push({ annotation, n: numbered.length + 1, anchored: false });
  return numbered;
}

/** The revision an annotation's offsets and quote refer to, from the article's history (null if unknown). */
export function revisionOf(article: ArticleView, annotation: AnnotationView): RevisionSummary | null {
  if (annotation.revisionId === article.revision.id)
    return article.history.find((entry) => entry.id === article.revision.id) ?? currentSummary(article);
  return article.history.find((entry) => entry.id === annotation.revisionId) ?? null;
}

/** The current revision as a summary, for an article whose history does not list it (never in the app). */
const currentSummary = ({ revision, createdBy }: ArticleView): RevisionSummary => ({
  id: revision.id,
  number: revision.number,
  note: revision.note,
  createdAt: revision.createdAt,
  createdBy,
  reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
});

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const HTTP_PREFIX = /^[\t\n\f\r ]*https?:/i;
/**
 * Plain ASCII http(s) URLs whose host is a DNS name ending in a letter label
 * (so not an IPv4 number) and whose port has at most 4 digits: these always
 * parse, so the URL parser is skipped for the common case.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?::\d{1,4})?(?:[/?#][!-~]*)?$/i;

/**
 * Whether a URL may become a link: it must parse (WHATWG, as a browser does)
 * with the http: or https: scheme. Anything else — javascript:, data:,
 * relative paths, garbage — is shown as text only.
 */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value || !HTTP_PREFIX.test(value)) return false;
  if (PLAIN_HTTP_URL.test(value)) return true;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** What the app stores: Date#toISOString() output, always UTC. */
const ISO_UTC =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?Z)?$/;

/** YYYY-MM-DD of an ISO date or date-time (read in UTC), or null when it is not a date. */
export function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  // The stored form is a UTC ISO string: its day is its first ten characters.
  if (ISO_UTC.test(value)) return value.slice(0, 10);
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
