import { quoteAt } from "@/lib/anchoring/selector";
import { annotationLabel } from "@/lib/domain/annotation-label";
import type { AnnotationSummary, ArticleSummaryView } from "@/lib/views/article-view";

/**
 * The article as the workbench page sends it to the browser: each annotation
 * as its summary (its details are read when it is opened: decision 028),
 * without what the article gives back exactly (its quote and context are
 * slices of the text, its label is its kind and number, its ids the
 * article's). The page's data carries every annotation, so at 2,000 of them
 * these came to about a fifth of it; the API's AnnotationView is unchanged.
 * Pure, for the server page (pack) and the client workbench (unpack).
 */
type Derived = "articleId" | "revisionId" | "label" | "quote" | "prefix" | "suffix";
export type PackedAnnotation = Omit<AnnotationSummary, Derived> & Partial<Pick<AnnotationSummary, Derived>>;
export type PackedArticle = Omit<ArticleSummaryView, "annotations"> & { annotations: PackedAnnotation[] };

/** Quote, prefix and suffix for a span of the text, as stored at creation; null for a span the text cannot hold. */
function anchorOf(text: string, start: number, end: number) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length
    ? quoteAt(text, start, end)
    : null;
}

export function packArticle(article: ArticleSummaryView): PackedArticle {
  const { text, id: revisionId } = article.revision;
  const annotations = article.annotations.map((view): PackedAnnotation => {
    const { articleId, revisionId: on, label, quote, prefix, suffix, ...rest } = view;
    const packed: PackedAnnotation = rest;
    // Only what derives exactly is left out: anything else travels as it is, so unpacking gives back the same view.
    if (articleId !== article.id) packed.articleId = articleId;
    if (on !== revisionId) packed.revisionId = on;
    if (label !== annotationLabel(view.kind, view.number)) packed.label = label;
    const anchor = anchorOf(text, view.start, view.end);
    if (quote !== anchor?.quote) packed.quote = quote;
    if (prefix !== anchor?.prefix) packed.prefix = prefix;
    if (suffix !== anchor?.suffix) packed.suffix = suffix;
    return packed;
  });
  return { ...article, annotations };
}

export function unpackAnnotation(
  article: Pick<ArticleSummaryView, "id" | "revision">,
  packed: PackedAnnotation,
): AnnotationSummary {
  const needsAnchor = packed.quote === undefined || packed.prefix === undefined || packed.suffix === undefined;
  const anchor = needsAnchor ? anchorOf(article.revision.text, packed.start, packed.end) : null;
  return {
    ...packed,
    articleId: packed.articleId ?? article.id,
    revisionId: packed.revisionId ?? article.revision.id,
    label: packed.label ?? annotationLabel(packed.kind, packed.number),
    quote: packed.quote ?? anchor?.quote ?? "",
    prefix: packed.prefix ?? anchor?.prefix ?? "",
    suffix: packed.suffix ?? anchor?.suffix ?? "",
  };
}

export function unpackArticle(packed: PackedArticle): ArticleSummaryView {
  return { ...packed, annotations: packed.annotations.map((annotation) => unpackAnnotation(packed, annotation)) };
}
