import { VERDICT_SCALE } from "../domain/annotation";
import type { AnnotationView, SourceView } from "../views/article-view";
import { isHttpUrl, numberAnnotations } from "./model";
import type { ExportSnapshot } from "./snapshot";
import { ROLE, ROLE_KEY, STATUS_KEY, VERDICT_KEY, W3C_CONTEXT, type Motivation } from "./w3c-vocab";

export { anchorParsed } from "./w3c-anchor";
export { parseW3c, type ParsedAnnotation, type ParsedSource, type ParseResult } from "./w3c-parse";

/** IRI of an annotation in the export: the article URL + /annotations/<id>. */
export const annotationIri = (articleUrl: string, id: string) => `${articleUrl}/annotations/${encodeURIComponent(id)}`;

/**
 * The article's annotations as one W3C AnnotationCollection with a single
 * embedded AnnotationPage, in reading order. Mapping: docs/export-mapping.md.
 */
export function w3cCollection(snapshot: ExportSnapshot): object {
  const { article, articleUrl } = snapshot;
  const target = isHttpUrl(article.sourceUrl) ? article.sourceUrl : articleUrl;
  const items = numberAnnotations(article).map(({ annotation, anchored }) =>
    w3cAnnotation(annotation, anchored, target, articleUrl),
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

function w3cAnnotation(a: AnnotationView, anchored: boolean, targetSource: string, articleUrl: string): object {
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
  const selector: object[] = [{ type: "TextQuoteSelector", exact: a.quote, prefix: a.prefix, suffix: a.suffix }];
  // Offsets are only worth giving when they still select the quote in this revision.
  if (anchored) selector.push({ type: "TextPositionSelector", start: a.start, end: a.end });
  return {
    id: annotationIri(articleUrl, a.id),
    type: "Annotation",
    motivation: motivationOf(a),
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { type: "Person", name: a.createdBy.name },
    [STATUS_KEY]: a.status,
    body,
    target: { type: "SpecificResource", source: targetSource, selector },
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
