import { VERDICT_SCALE } from "../domain/annotation";
import type { AnnotationView, ArticleView, SourceView } from "../views/article-view";
import { isHttpUrl, numberAnnotations, revisionOf } from "./model";
import type { ExportSnapshot } from "./snapshot";
import {
  ANCHOR_KEY,
  ANCHOR_SCORE_KEY,
  PREVIOUS_QUOTE_KEY,
  REVISION_ID_KEY,
  REVISION_KEY,
  REVISION_NUMBER_KEY,
  ROLE,
  ROLE_KEY,
  STATUS_KEY,
  VERDICT_KEY,
  W3C_CONTEXT,
  type Motivation,
} from "./w3c-vocab";

export { anchorParsed, placeParsed, type Placement } from "./w3c-anchor";
export { parseW3c, type ParsedAnnotation, type ParsedSource, type ParseResult } from "./w3c-parse";

/** IRI of an annotation in the export: the article URL + /annotations/<id>. */
export const annotationIri = (articleUrl: string, id: string) => `${articleUrl}/annotations/${encodeURIComponent(id)}`;

/**
 * The article's annotations as one W3C AnnotationCollection with a single
 * embedded AnnotationPage, in reading order. Mapping: docs/export-mapping.md.
 */
export function w3cCollection(snapshot: ExportSnapshot): object {
  const { article, articleUrl } = snapshot;
  const source = isHttpUrl(article.sourceUrl) ? article.sourceUrl : articleUrl;
  const items = numberAnnotations(article).map(({ annotation, anchored }) =>
    w3cAnnotation(annotation, articleUrl, targetOf(article, annotation, anchored, source, articleUrl)),
  );
  const id = `${articleUrl}/annotations`;
  return {
    "@context": W3C_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Fact-check annotations on “${article.title}”`,
    total: items.length,
    generated: snapshot.exportedAt,
    generator: { type: "Software", name: "Factmark" },
    // A page must hold at least one annotation, so an empty collection has none.
    ...(items.length > 0
      ? { first: { id: `${id}?page=0`, type: "AnnotationPage", partOf: id, startIndex: 0, items } }
      : {}),
  };
}

/**
 * Motivation: a rated claim or denial is "assessing"; an unrated one is
 * "classifying" (it only says what the passage is); analysis is "commenting".
 */
export function motivationOf(annotation: Pick<AnnotationView, "kind" | "verdict">): Motivation {
  if (annotation.kind === "ANALYSIS") return "commenting";
  return annotation.verdict ? "assessing" : "classifying";
}

/** IRI of a revision of the article: its number, which never changes (revisions are only added). */
export const revisionIri = (articleUrl: string, number: number) => `${articleUrl}/revisions/${number}`;

/**
 * The target: the annotated page (`source`), the revision its selectors refer to
 * (a TimeState at the time that revision came in, and `factmark:revision` with its
 * IRI, number and id), what re-anchoring made of it (`factmark:anchor`), and the
 * selectors. A placed annotation's revision is the current one; an orphan's is
 * its own, older one, and its positions are into that revision's text.
 */
function targetOf(
  article: ArticleView,
  a: AnnotationView,
  anchored: boolean,
  source: string,
  articleUrl: string,
): object {
  const revision = revisionOf(article, a);
  // A placed annotation's words, as the current text has them (whitespace runs may differ from the stored quote).
  const exact = anchored ? article.revision.text.slice(a.start, a.end) : a.quote;
  const selector: object[] = [{ type: "TextQuoteSelector", exact, prefix: a.prefix, suffix: a.suffix }];
  const positioned = Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end;
  // Positions only where they mean something: placed here, or an orphan's on the revision named below.
  if (anchored || (revision && positioned)) selector.push({ type: "TextPositionSelector", start: a.start, end: a.end });
  const anchor: Record<string, unknown> = { [STATUS_KEY]: a.anchor.status, [ANCHOR_SCORE_KEY]: a.anchor.score };
  if (a.previousQuote !== null) anchor[PREVIOUS_QUOTE_KEY] = a.previousQuote;
  return {
    type: "SpecificResource",
    source,
    ...(revision
      ? {
          state: { type: "TimeState", sourceDate: revision.createdAt },
          [REVISION_KEY]: {
            id: revisionIri(articleUrl, revision.number),
            [REVISION_NUMBER_KEY]: revision.number,
            [REVISION_ID_KEY]: revision.id,
          },
        }
      : {}),
    [ANCHOR_KEY]: anchor,
    selector,
  };
}

function w3cAnnotation(a: AnnotationView, articleUrl: string, target: object): object {
  const body: object[] = [{ type: "TextualBody", purpose: "classifying", value: a.kind.toLowerCase() }];
  if (a.speaker) body.push({ type: "TextualBody", purpose: "tagging", value: a.speaker, [ROLE_KEY]: ROLE.speaker });
  if (a.verdict)
    body.push({
      type: "TextualBody",
      purpose: "assessing",
      value: VERDICT_SCALE[a.verdict].label,
      [VERDICT_KEY]: a.verdict,
    });
  // Not rated on purpose: the assessment is the reason, told apart from a verdict by its role.
  else if (a.notRatedReason && a.kind !== "ANALYSIS")
    body.push({
      type: "TextualBody",
      purpose: "assessing",
      value: a.notRatedReason,
      format: "text/plain",
      [ROLE_KEY]: ROLE.notRated,
    });
  if (a.rationale)
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: a.rationale,
      format: "text/plain",
      [ROLE_KEY]: ROLE.rationale,
    });
  if (a.note) body.push({ type: "TextualBody", purpose: "commenting", value: a.note, format: "text/plain" });
  // The remark for readers: a description of the passage for the public, told apart from the note by its role.
  if (a.publicNote)
    body.push({
      type: "TextualBody",
      purpose: "describing",
      value: a.publicNote,
      format: "text/plain",
      [ROLE_KEY]: ROLE.publicNote,
    });
  if (a.deniesId)
    body.push({
      type: "SpecificResource",
      purpose: "linking",
      source: annotationIri(articleUrl, a.deniesId),
      [ROLE_KEY]: ROLE.denies,
    });
  for (const source of a.sources) if (isHttpUrl(source.url)) body.push(sourceBody(source));
  return {
    id: annotationIri(articleUrl, a.id),
    type: "Annotation",
    motivation: motivationOf(a),
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { type: "Person", name: a.createdBy.name },
    [STATUS_KEY]: a.status,
    body,
    target,
  };
}

/**
 * A source is a linking SpecificResource on the cited page: the quoted
 * passage is a TextQuoteSelector on it, the access date a TimeState (whose
 * `cached` is the archive copy); an archive without an access date is
 * schema:archivedAt, since a TimeState must have a date.
 */
function sourceBody(source: SourceView): object {
  const page: Record<string, string> = { id: source.url, type: "Text" };
  if (source.title) page["dcterms:title"] = source.title;
  if (source.publisher) page["dcterms:publisher"] = source.publisher;
  const body: Record<string, unknown> = { type: "SpecificResource", purpose: "linking", source: page };
  if (source.quote) body.selector = { type: "TextQuoteSelector", exact: source.quote };
  const archive = isHttpUrl(source.archiveUrl) ? source.archiveUrl : null;
  if (source.accessedAt)
    body.state = { type: "TimeState", sourceDate: source.accessedAt, ...(archive ? { cached: archive } : {}) };
  else if (archive) body["schema:archivedAt"] = archive;
  return body;
}
