import { VERDICT_SCALE, type Verdict } from "../domain/annotation";
import type { AnnotationView } from "../views/article-view";
import { jsonForScript } from "./escape";
import { isHttpUrl, isoDay, numberAnnotations, type NumberedAnnotation } from "./model";
import { publicNoteUrl } from "./public-url";
import type { ExportSnapshot } from "./snapshot";

/** Google asks for claimReviewed under 75 characters. */
export const CLAIM_REVIEWED_MAX = 74;

/**
 * schema.org ClaimReview, one per claim or denial that has a verdict and is
 * placed in the current revision (the mapping table is docs/export-mapping.md):
 * an orphan, or anything whose revisionId is an older revision, reviews words
 * the published article no longer has, so it gets none. `url` points at the note of the
 * same number on the published fact-check (snapshot.publicUrl); without a
 * public address it is left out (schema.org and Google recommend it but do not
 * require it), never pointed at the workbench.
 */
export function claimReviews(
  snapshot: ExportSnapshot,
  numbered: readonly NumberedAnnotation[] = numberAnnotations(snapshot.article),
): object[] {
  const { datePublished, claimDate, appearance } = sharedFacts(snapshot);
  const language = snapshot.article.language;
  const reviews: object[] = [];
  for (const { annotation, n, anchored } of numbered) {
    const verdict = anchored ? reviewedVerdict(annotation) : null;
    if (!verdict) continue;
    const speaker = annotation.speaker?.trim();
    const url = publicNoteUrl(snapshot.publicUrl, n);
    reviews.push({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      ...(url ? { url } : {}),
      claimReviewed: shortenClaim(annotation.quote),
      reviewRating: reviewRating(verdict),
      author: organization(snapshot.publisher),
      ...(datePublished ? { datePublished } : {}),
      itemReviewed: {
        "@type": "Claim",
        ...(speaker ? { author: person(speaker) } : {}),
        ...(claimDate ? { datePublished: claimDate } : {}),
        ...(appearance ? { appearance } : {}),
        ...(language ? { inLanguage: language } : {}),
      },
    });
  }
  return reviews;
}

/**
 * The JSON text of claimReviews(snapshot, numbered), made safe for a <script>
 * element (every `<` as \u003c, still the same JSON, so no string can end or
 * alter the element), pushed onto `out` in pieces for the HTML export.
 *
 * Written directly instead of by JSON.stringify of the objects: a long article
 * has thousands of reviews that differ only in url, claimReviewed, rating and
 * speaker, and building the objects, serializing them and then escaping the
 * whole multi-megabyte string took an eighth of the export. The parts every
 * review shares are serialized once. claimreview.test.ts checks that this is
 * exactly JSON.stringify(claimReviews(…)), so keep the two in step.
 */
export function writeClaimReviewsJson(
  out: string[],
  snapshot: ExportSnapshot,
  numbered: readonly NumberedAnnotation[],
): void {
  const { datePublished, claimDate, appearance } = sharedFacts(snapshot);
  // Up to the note number: `"url":"<publicUrl>#note-` without its closing quote; with no public address, no url.
  const noteBase = publicNoteUrl(snapshot.publicUrl, "");
  const head = `{"@context":"https://schema.org","@type":"ClaimReview"${noteBase ? `,"url":${jsonForScript(noteBase).slice(0, -1)}` : ""}`;
  // From the author up to the Claim's author (the speaker, if any) …
  const middle = `,"author":${jsonForScript(organization(snapshot.publisher))}${datePublished ? `,"datePublished":${jsonForScript(datePublished)}` : ""},"itemReviewed":{"@type":"Claim"`;
  // … and from there to the end of the review.
  const language = snapshot.article.language;
  const tail = `${claimDate ? `,"datePublished":${jsonForScript(claimDate)}` : ""}${appearance ? `,"appearance":${jsonForScript(appearance)}` : ""}${language ? `,"inLanguage":${jsonForScript(language)}` : ""}}}`;
  const ratings = new Map<Verdict, string>();
  out.push("[");
  let separator = "";
  for (const { annotation, n, anchored } of numbered) {
    const verdict = anchored ? reviewedVerdict(annotation) : null;
    if (!verdict) continue;
    let rating = ratings.get(verdict);
    if (rating === undefined) ratings.set(verdict, (rating = jsonForScript(reviewRating(verdict))));
    const speaker = annotation.speaker?.trim();
    out.push(
      separator,
      head,
      noteBase ? `${n}",` : ",",
      '"claimReviewed":',
      jsonForScript(shortenClaim(annotation.quote)),
      ',"reviewRating":',
      rating,
      middle,
    );
    if (speaker) out.push(',"author":', jsonForScript(person(speaker)));
    out.push(tail);
    separator = ",";
  }
  out.push("]");
}

/** What every review of one export has in common. */
function sharedFacts({ article, exportedAt }: ExportSnapshot) {
  return {
    datePublished: isoDay(article.status === "SIGNED_OFF" && article.signOff ? article.signOff.at : exportedAt),
    claimDate: isoDay(article.publishedAt),
    appearance: isHttpUrl(article.sourceUrl) ? [{ "@type": "CreativeWork", url: article.sourceUrl }] : null,
  };
}

/**
 * Only claims and denials with a verdict get a ClaimReview. One marked "not
 * rated" has none: Google requires reviewRating (a rating or its
 * alternateName) on every ClaimReview, and a review without a rating would
 * read as a rating; the HTML says "Not rated: <reason>" instead.
 */
const reviewedVerdict = (annotation: AnnotationView): Verdict | null =>
  annotation.kind === "ANALYSIS" ? null : annotation.verdict;

function reviewRating(verdict: Verdict): object {
  const { label, rating } = VERDICT_SCALE[verdict];
  return rating === null
    ? { "@type": "Rating", alternateName: label }
    : { "@type": "Rating", ratingValue: rating, bestRating: 5, worstRating: 1, alternateName: label };
}

const organization = (name: string) => ({ "@type": "Organization", name });
const person = (name: string) => ({ "@type": "Person", name });

/**
 * The quote on one line, cut to at most CLAIM_REVIEWED_MAX UTF-16 units (so
 * also that many characters) with "…", at a word break when one is near.
 */
export function shortenClaim(quote: string, max = CLAIM_REVIEWED_MAX): string {
  const line = IRREGULAR_SPACE.test(quote) ? quote.replace(/\s+/g, " ").trim() : quote;
  if (line.length <= max) return line;
  let cut = max - 1;
  if (isHighSurrogate(line.charCodeAt(cut - 1))) cut--;
  const space = line.lastIndexOf(" ", cut);
  if (space >= max * 0.6) cut = space;
  return `${line.slice(0, cut).replace(/[\s,;:–—-]+$/, "")}…`;
}

/**
 * Whitespace that collapsing and trimming would change: any but a plain space,
 * two spaces in a row, or a space at either end. Most quotes have none, and
 * are then already on one line.
 */
const IRREGULAR_SPACE = /[^\S ]| {2}|^ | $/;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
