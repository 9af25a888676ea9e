import type { ArticleView, AnnotationView } from "../views/article-view";

/** An annotation with its note number N (1-based), shared by every export format. */
export type NumberedAnnotation = {
  annotation: AnnotationView;
  n: number;
  /** False when its offsets do not select its quote in the current revision (or it is ORPHANED). */
  anchored: boolean;
};

/** True when [start, end) of the revision text is exactly the annotation's quote. */
export function isAnchored(annotation: AnnotationView, text: string): boolean {
  const { start, end } = annotation;
  return (
    annotation.status !== "ORPHANED" &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < end &&
    end <= text.length &&
    text.slice(start, end) === annotation.quote
  );
}

/**
 * Reading order: anchored annotations by start, enclosing spans before the
 * spans they contain, then by id; annotations that cannot be placed in the
 * text come last, oldest first. N is the position in that order, so the HTML
 * note, the ClaimReview URL (#note-N) and the CSV row agree.
 */
export function numberAnnotations(article: ArticleView): NumberedAnnotation[] {
  const text = article.revision.text;
  const placed: AnnotationView[] = [];
  const unplaced: AnnotationView[] = [];
  for (const annotation of article.annotations) (isAnchored(annotation, text) ? placed : unplaced).push(annotation);
  placed.sort((a, b) => a.start - b.start || b.end - a.end || compareIds(a.id, b.id));
  unplaced.sort((a, b) => compareIds(a.createdAt, b.createdAt) || compareIds(a.id, b.id));
  const numbered: NumberedAnnotation[] = [];
  for (const annotation of placed) numbered.push({ annotation, n: numbered.length + 1, anchored: true });
  for (const annotation of unplaced) numbered.push({ annotation, n: numbered.length + 1, anchored: false });
  return numbered;
}

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
