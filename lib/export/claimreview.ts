import { VERDICT_SCALE } from "../domain/annotation";
import { isHttpUrl, isoDay, numberAnnotations, type NumberedAnnotation } from "./model";
import type { ExportSnapshot } from "./snapshot";

/** Google asks for claimReviewed under 75 characters. */
export const CLAIM_REVIEWED_MAX = 74;

/**
 * schema.org ClaimReview, one per claim or denial that has a verdict (the
 * mapping table is docs/export-mapping.md). `url` points at the note of the
 * same number in the HTML export.
 */
export function claimReviews(snapshot: ExportSnapshot, numbered: readonly NumberedAnnotation[] = numberAnnotations(snapshot.article)): object[] {
  const { article } = snapshot;
  const datePublished = isoDay(article.status === "SIGNED_OFF" && article.signOff ? article.signOff.at : snapshot.exportedAt);
  const claimDate = isoDay(article.publishedAt);
  const appearance = isHttpUrl(article.sourceUrl) ? [{ "@type": "CreativeWork", url: article.sourceUrl }] : null;
  const reviews: object[] = [];
  for (const { annotation, n } of numbered) {
    if (annotation.kind === "ANALYSIS" || !annotation.verdict) continue;
    const { label, rating } = VERDICT_SCALE[annotation.verdict];
    reviews.push({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${snapshot.articleUrl}#note-${n}`,
      claimReviewed: shortenClaim(annotation.quote),
      reviewRating: rating === null ? { "@type": "Rating", alternateName: label } : { "@type": "Rating", ratingValue: rating, bestRating: 5, worstRating: 1, alternateName: label },
      author: { "@type": "Organization", name: snapshot.publisher },
      ...(datePublished ? { datePublished } : {}),
      itemReviewed: {
        "@type": "Claim",
        ...(annotation.speaker?.trim() ? { author: { "@type": "Person", name: annotation.speaker.trim() } } : {}),
        ...(claimDate ? { datePublished: claimDate } : {}),
        ...(appearance ? { appearance } : {}),
      },
    });
  }
  return reviews;
}

/**
 * The quote on one line, cut to at most CLAIM_REVIEWED_MAX UTF-16 units (so
 * also that many characters) with "…", at a word break when one is near.
 */
export function shortenClaim(quote: string, max = CLAIM_REVIEWED_MAX): string {
  const line = quote.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  let cut = max - 1;
  if (isHighSurrogate(line.charCodeAt(cut - 1))) cut--;
  const space = line.lastIndexOf(" ", cut);
  if (space >= max * 0.6) cut = space;
  return `${line.slice(0, cut).replace(/[\s,;:–—-]+$/, "")}…`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
