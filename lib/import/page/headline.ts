import { isSiteName, type SiteNames } from "./site-names";

/**
 * The headline a reader would write down, without the site's name or section
 * ("Headline | Site", "Headline - Section - Site", "Site: Headline",
 * "Headline — Site").
 *
 * Like Readability's `_getArticleTitle`, the `<title>` is cut at separators;
 * unlike it, a part is only dropped when it names the site (og:site_name, the
 * publisher, the domain) or is a short section next to it, and the page's own
 * `<h1>` settles doubt: when a candidate (after cutting, or whole) reads the
 * same as an `<h1>`, that is the headline, so "Brexit: what happens next" or
 * "Storm hits coast - live updates" keep their colon and dash; and the
 * article's one `<h1>` wins over an SEO title that reads differently. Like
 * Defuddle's `cleanTitle`, a generic short-suffix cut is the last resort, used
 * only for the `<title>` and Open Graph titles and never on JSON-LD or an h1.
 */
export type HeadlineSources = {
  /** JSON-LD `headline` (or `name`) of the article. */
  jsonLd?: string;
  /** og:title, twitter:title, parsely-title, sailthru.title, citation_title, dc.title, meta title: in that order. */
  meta: string[];
  /** The document's `<title>`. */
  title?: string;
  /** Texts of the page's `<h1>`s, in page order (then its first `<h2>`s: some pages keep the headline there). */
  h1s: string[];
  /** The page's one visible headline: the sole `<h1>` of its `<article>`. */
  visible?: string;
};

const SEPARATOR = /\s+(?:[|\-–—·•»›~/\\]|::)\s+/g;

export function pickHeadline(sources: HeadlineSources, site: SiteNames): string | undefined {
  const h1s = sources.h1s.map(clean).filter((text) => text.length > 1 && !isSiteName(text, site));
  const tagged = [
    ...(sources.jsonLd ? [{ text: clean(sources.jsonLd), generic: false }] : []),
    ...sources.meta.map((text) => ({ text: clean(text), generic: true })),
    ...(sources.title ? [{ text: clean(sources.title), generic: true }] : []),
  ].filter((candidate) => candidate.text && !isSiteName(candidate.text, site));

  // 1. An h1 that a candidate agrees with, whole or with the site's parts cut (or any cut at a separator).
  for (const h1 of h1s) {
    const key = compareKey(h1);
    if (!key) continue;
    for (const { text } of tagged) {
      if (compareKey(text) === key || compareKey(stripSite(text, site)) === key) return h1;
      // Cut at any separator, the headline being the longest part (never a one-word section that an h1 repeats).
      if (compareKey(longest(separatedParts(text))) === key) return h1;
    }
  }

  // 1b. The article's one h1, when the metadata says something else (an SEO title): what the reader sees.
  const stripped = tagged.map((candidate) => ({ ...candidate, text: stripSite(candidate.text, site) }));
  const visible = sources.visible ? clean(sources.visible) : "";
  if (visible && words(visible) >= 4 && !isSiteName(visible, site)) {
    // A kicker or a badge inside the h1 ("Exclusive: …", "… LIVE") is not the headline: the metadata's words within it are.
    const key = compareKey(visible);
    const inside = stripped.find((candidate) => {
      const candidateKey = compareKey(candidate.text);
      return words(candidate.text) >= 3 && (key.endsWith(candidateKey) || key.startsWith(candidateKey));
    });
    return inside ? inside.text : visible;
  }

  if (stripped.length === 0) return h1s.length === 1 ? h1s[0] : undefined;

  // 2. Candidates that agree with each other.
  const first = stripped[0];
  for (const candidate of stripped) {
    const agreeing = stripped.filter((other) => compareKey(other.text) === compareKey(candidate.text));
    if (agreeing.length >= 2) return untruncated(candidate.text, stripped);
  }

  // 3. The best source, completed if another source has its untruncated form, cut generically as a last resort.
  const best = untruncated(first.text, stripped);
  return first.generic ? stripGenericSuffix(best) : best;
}

/** Headline parts with the site's name (and short sections next to it) removed from either end. */
export function stripSite(title: string, site: SiteNames): string {
  let text = title;
  // "Site: Headline"
  const prefix = /^([^:]{2,40}):\s+(\S.*)$/.exec(text);
  if (prefix && isSiteName(prefix[1], site)) text = prefix[2];
  // "Headline [Archive of Our Own]", "Headline (Daily Example)"
  const bracketed = /^(.*\S)\s*(?:\[([^\]]{2,60})\]|\(([^)]{2,60})\))$/.exec(text);
  if (bracketed && isSiteName(bracketed[2] ?? bracketed[3], site)) text = bracketed[1];

  const parts = splitParts(text);
  if (parts.length < 2) return text;
  let start = 0;
  let end = parts.length;
  let cutEnd = false;
  while (end - start > 1 && isSiteName(parts[end - 1], site)) {
    end--;
    cutEnd = true;
  }
  // "Headline - Section - Site": short sections beside the site go with it, while the headline stays the longer part.
  while (cutEnd && end - start > 1 && isSection(parts[end - 1], parts.slice(start, end - 1).join(" "))) end--;
  let cutStart = false;
  while (end - start > 1 && isSiteName(parts[start], site)) {
    start++;
    cutStart = true;
  }
  while (cutStart && end - start > 1 && isSection(parts[start], parts.slice(start + 1, end).join(" "))) start++;
  if (start === 0 && end === parts.length) return text;
  return joinParts(text, parts, start, end);
}

/** The site's name as the title spells it ("Headline - Greenford Gazette" on greenfordgazette.example). */
export function siteNameInTitle(title: string | undefined, site: SiteNames): string | undefined {
  if (!title) return undefined;
  const text = clean(title);
  const prefix = /^([^:]{2,40}):\s+\S/.exec(text);
  const parts = splitParts(text);
  const candidates = [
    parts.length > 1 ? parts[parts.length - 1] : undefined,
    parts.length > 1 ? parts[0] : undefined,
    prefix?.[1],
  ];
  return candidates.find((part) => part && part.split(/\s+/).length <= 6 && isSiteName(part, site));
}

/** A short suffix after a separator ("… | Opinion", "… - Foo Blog"), when there is no site name to go by. */
export function stripGenericSuffix(title: string): string {
  const parts = splitParts(title);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  const rest = parts.slice(0, -1).join(" ");
  const separator = lastSeparator(title);
  const strong = separator !== undefined && !/[-–—]/.test(separator);
  const lastWords = words(last);
  const restWords = words(rest);
  if (strong ? lastWords <= 4 && restWords >= 3 : lastWords <= 3 && restWords >= 4 && restWords >= 2 * lastWords)
    return joinParts(title, parts, 0, parts.length - 1);
  return title;
}

function isSection(part: string, headline: string): boolean {
  return words(part) <= 3 && words(headline) >= 4 && part.length <= 30;
}

function splitParts(text: string): string[] {
  return text.split(SEPARATOR).map((part) => part.trim());
}

/** The parts of `text` from `start` to `end`, with their original separators. */
function joinParts(text: string, parts: string[], start: number, end: number): string {
  const separators = [...text.matchAll(SEPARATOR)].map((match) => match[0]);
  let joined = parts[start];
  for (let index = start + 1; index < end; index++) joined += separators[index - 1] + parts[index];
  return joined.trim();
}

function separatedParts(text: string): string[] {
  const parts = splitParts(text);
  const colon = /^([^:]{2,40}):\s+(\S.*)$/.exec(text);
  return colon ? [...parts, colon[2]] : parts;
}

function longest(parts: string[]): string {
  return parts.reduce((best, part) => (part.length > best.length ? part : best), "");
}

function lastSeparator(text: string): string | undefined {
  const all = [...text.matchAll(SEPARATOR)];
  return all.length ? all[all.length - 1][0].trim() : undefined;
}

/** Search engines cut JSON-LD headlines at ~110 characters: prefer a source that has the whole of it. */
function untruncated(text: string, candidates: { text: string }[]): string {
  const stem = compareKey(text.replace(/\s*(?:…|\.\.\.)$/, ""));
  if (!stem) return text;
  const longer = candidates.find(
    (candidate) => candidate.text.length > text.length && compareKey(candidate.text).startsWith(stem),
  );
  return longer && (text.endsWith("…") || text.endsWith("...") || text.length >= 100) ? longer.text : text;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function clean(text: string): string {
  return decodeLeftoverEntities(text)
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/** Text for comparing: letters and digits only, lower-case, so quotes, dashes and spacing do not matter. */
export function compareKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Some CMSs encode meta contents twice ("Tom &amp;amp; Jerry"): one more round of the common entities. */
export function decodeLeftoverEntities(text: string): string {
  return text.replace(
    /&(amp|quot|apos|lt|gt|nbsp|#39|#x27|#8217|#8216|#8220|#8221|#8211|#8212);/g,
    (_, name: string) => {
      const map: Record<string, string> = {
        amp: "&",
        quot: '"',
        apos: "'",
        lt: "<",
        gt: ">",
        nbsp: " ",
        "#39": "'",
        "#x27": "'",
        "#8217": "’",
        "#8216": "‘",
        "#8220": "“",
        "#8221": "”",
        "#8211": "–",
        "#8212": "—",
      };
      return map[name];
    },
  );
}
