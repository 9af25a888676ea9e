/**
 * Builders and a spec-compliant DOM reader (parse5, a dev dependency) shared
 * by the export tests. Not imported by application code.
 */
import { HtmlValidate } from "html-validate";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { quoteAt } from "../anchoring/selector";
import { annotationLabel } from "../domain/annotation-label";
import type { Block } from "../domain/article";
import type { AnnotationView, ArticleView, ReviewView, SourceView } from "../views/article-view";
import type { ExportSnapshot } from "./snapshot";

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const EDITOR = { id: "u-editor", name: "Edna Editor" };
const REVIEWER = { id: "u-reviewer", name: "Rex Reviewer" };

export function approval(at = "2024-03-02T10:00:00.000Z", reviewer = REVIEWER): ReviewView {
  return { decision: "APPROVED", note: null, reviewer, at };
}

export function source(url: string, extra: Partial<SourceView> = {}): SourceView {
  return {
    id: `s-${url.length}-${extra.position ?? 0}`,
    position: 0,
    url,
    title: null,
    publisher: null,
    quote: null,
    accessedAt: null,
    archiveUrl: null,
    ...extra,
  };
}

type AnnotationInput = Partial<AnnotationView> & Pick<AnnotationView, "id" | "start" | "end">;

/** An annotation on [start, end) of text, with quote, prefix and suffix as the app stores them. */
export function annotation(text: string, input: AnnotationInput): AnnotationView {
  const { quote, prefix, suffix } = quoteAt(text, input.start, input.end);
  const kind = input.kind ?? "CLAIM";
  const number = input.number ?? 1;
  return {
    articleId: "a1",
    revisionId: "r1",
    anchor: { status: "ANCHORED", score: 1 },
    previousQuote: null,
    kind,
    number,
    label: annotationLabel(kind, number),
    quote,
    prefix,
    suffix,
    speaker: null,
    note: "",
    publicNote: null,
    notRatedReason: null,
    verdict: null,
    rationale: null,
    deniesId: null,
    status: "APPROVED",
    version: 1,
    createdBy: EDITOR,
    createdAt: "2024-03-01T09:00:00.000Z",
    updatedAt: "2024-03-01T09:30:00.000Z",
    sources: [],
    lastReview: approval(),
    editorIds: [],
    ...input,
  };
}

/** The span of the `occurrence`-th (0-based) `phrase` in text. */
export function spanOf(text: string, phrase: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function article(
  text: string,
  blocks: Block[],
  annotations: AnnotationView[],
  extra: Partial<ArticleView> = {},
): ArticleView {
  return {
    id: "a1",
    title: "A checked article",
    sourceUrl: "https://news.example/story",
    publisher: "The Daily Example",
    author: "Sam Writer",
    publishedAt: "2024-02-28T00:00:00.000Z",
    modifiedAt: null,
    language: null,
    publicUrl: null,
    status: "SIGNED_OFF",
    version: 3,
    createdBy: EDITOR,
    createdAt: "2024-03-01T08:00:00.000Z",
    updatedAt: "2024-03-02T10:00:00.000Z",
    revision: { id: "r1", number: 1, text, blocks, note: null, createdAt: "2024-03-01T08:00:00.000Z" },
    history: [
      {
        id: "r1",
        number: 1,
        note: null,
        createdAt: "2024-03-01T08:00:00.000Z",
        createdBy: EDITOR,
        reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
      },
    ],
    annotations,
    signOff: approval("2024-03-02T11:00:00.000Z"),
    ...extra,
  };
}

export function snapshot(view: ArticleView, extra: Partial<ExportSnapshot> = {}): ExportSnapshot {
  return {
    article: view,
    publisher: "Factmark Checks",
    articleUrl: "https://factmark.example/articles/a1",
    publicUrl: "https://factmark.example/articles/a1",
    exportedAt: "2024-03-05T12:00:00.000Z",
    ...extra,
  };
}

// ── DOM ──────────────────────────────────────────────────────────────────────

export const parseHtml = (html: string) => parse(html);

const isElement = (node: Node): node is Element => "tagName" in node;

/** Every element under `root`, document order (template contents included). */
export function elements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if (isElement(node)) found.push(node);
    if ("childNodes" in node) node.childNodes.forEach(visit);
    if (node.nodeName === "template") (node as DefaultTreeAdapterTypes.Template).content.childNodes.forEach(visit);
  };
  visit(root);
  return found;
}

export const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
export const byTag = (root: Node, tag: string) => elements(root).filter((element) => element.tagName === tag);
export const byId = (root: Node, id: string) => elements(root).find((element) => attr(element, "id") === id);

/** textContent, optionally leaving out elements for which `skip` is true. */
export function textContent(node: Node, skip: (element: Element) => boolean = () => false): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node) && skip(node)) return "";
  if (!("childNodes" in node)) return "";
  return node.childNodes.map((child) => textContent(child, skip)).join("");
}

export const isRefMarker = (element: Element) => element.tagName === "sup" && attr(element, "class") === "ref";

/**
 * What a conformance checker finds wrong with an exported file: html-validate's
 * recommended rules (content model, attributes, ids, accessibility), as
 * "rule: message" lines. Two style rules are off, as they are not validity:
 * lower-case `<!doctype html>` is as valid as upper case, and the <title> is
 * the article's own headline, kept whole however long (the SEO rule wants 70
 * characters at most).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: { "doctype-style": "off", "long-title": "off" },
});
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${message.ruleId}: ${message.message} (line ${message.line}, column ${message.column})`,
    ),
  );
}
