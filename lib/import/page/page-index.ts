import { isJsonLdScript } from "./json-ld";

/**
 * Everything the metadata readers look at, gathered in one pass over the
 * page's elements (a 1 MB page has a few thousand; one pass costs about a
 * millisecond, each extra `querySelectorAll` as much again). Read only: the
 * document is not changed.
 */
export type PageIndex = {
  /** Meta tag contents by lower-cased `name`, `property`, `http-equiv` and `itemprop:<itemprop>`, in page order. */
  meta: Map<string, string[]>;
  /** The first `<link rel=canonical>` href. */
  canonical?: string;
  /** The document's `<title>` (not an SVG title), whitespace collapsed. */
  title?: string;
  /** `<html lang>` (or `xml:lang`). */
  lang?: string;
  jsonLdSources: string[];
  h1s: Element[];
  /** `<h2>`s: some pages put the headline in one under a site-name `<h1>`. */
  h2s: Element[];
  /** `<time>` elements, in page order. */
  times: Element[];
  /** Elements (not `<meta>`) carrying an `itemprop`: author, datePublished, headline… */
  itemprops: Element[];
  /** Possible bylines: `[rel~=author]`, class naming a byline or author, links to author pages. */
  bylines: Element[];
  /** Elements whose class names a date (`date`, `published`, `timestamp`, `dateline`). */
  dated: Element[];
  /** Each element's position in page order, to tell what sits near the headline. */
  order: Map<Element, number>;
};

const AUTHOR_PAGE =
  /\/(?:authors?|byline|people|profiles?|reporters?|journalists?|contributors?|writers?|staff)\/[^/?#]/i;
const BYLINE_CLASS = /byline|author|writer|reporter|contributor/i;
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|published|pubdate|timestamp|time)(?:$|[\s_-])|publish(?:ed)?[-_]?(?:date|on|at)/i;

/** A byline's class ("byline", "article-author", "c-byline__name"), not a WordPress tag ("tag-fan-contributor") on the article. */
function bylineClass(name: string, className: string): boolean {
  if (!className || !BYLINE_CLASS.test(className) || CONTAINER.has(name)) return false;
  return className
    .split(/\s+/)
    .some((token) => BYLINE_CLASS.test(token) && !/^(?:tag|category|post|has|type)-/i.test(token));
}

const CONTAINER = new Set(["html", "body", "main", "article", "section"]);

export function indexPage(document: Document): PageIndex {
  const index: PageIndex = {
    meta: new Map(),
    jsonLdSources: [],
    h1s: [],
    h2s: [],
    times: [],
    itemprops: [],
    bylines: [],
    dated: [],
    order: new Map(),
  };
  const root = document.documentElement;
  if (!root) return index;
  index.lang = (root.getAttribute("lang") ?? root.getAttribute("xml:lang") ?? "").trim() || undefined;
  let position = 0;
  for (const element of Array.from(document.querySelectorAll("*"))) {
    index.order.set(element, position++);
    switch (element.localName) {
      case "meta":
        addMeta(index.meta, element);
        continue;
      case "link": {
        const rel = (element.getAttribute("rel") ?? "").toLowerCase();
        if (index.canonical === undefined && /(?:^|\s)canonical(?:\s|$)/.test(rel))
          index.canonical = element.getAttribute("href")?.trim() || undefined;
        continue;
      }
      case "title":
        if (index.title === undefined && !element.closest("svg"))
          index.title = collapse(element.textContent ?? "") || undefined;
        continue;
      case "script":
        if (isJsonLdScript(element)) index.jsonLdSources.push(element.textContent ?? "");
        continue;
      case "style":
      case "noscript":
      case "template":
        continue;
      case "h1":
        index.h1s.push(element);
        break;
      case "h2":
        index.h2s.push(element);
        break;
      case "time":
        index.times.push(element);
        break;
    }
    if (element.hasAttribute("itemprop")) index.itemprops.push(element);
    const className = classOf(element);
    const name = element.localName;
    const linkLike = name === "a" || name === "address" || name === "span";
    const rel = linkLike ? (element.getAttribute("rel") ?? "") : "";
    const href = name === "a" ? (element.getAttribute("href") ?? "") : "";
    if (
      /(?:^|\s)author(?:\s|$)/i.test(rel) ||
      bylineClass(name, className) ||
      AUTHOR_PAGE.test(href) ||
      // React sites name parts by test id rather than class (data-testid="byline", "AuthorName").
      (name !== "a" && BYLINE_CLASS.test(element.getAttribute("data-testid") ?? ""))
    )
      index.bylines.push(element);
    else if (DATE_CLASS.test(className)) index.dated.push(element);
  }
  return index;
}

function addMeta(meta: Map<string, string[]>, element: Element): void {
  const content = element.getAttribute("content");
  if (content === null || !content.trim()) return;
  const value = collapse(content);
  const keys = [element.getAttribute("name"), element.getAttribute("property"), element.getAttribute("http-equiv")];
  const itemprop = element.getAttribute("itemprop");
  if (itemprop) keys.push(`itemprop:${itemprop}`);
  // One tag may carry several names: property="og:title twitter:title".
  const names = keys.flatMap((entry) => (entry ? entry.trim().split(/\s+/) : [])).filter(Boolean);
  for (const key of new Set(names.map(normalKey))) {
    const list = meta.get(key);
    if (list) list.push(value);
    else meta.set(key, [value]);
  }
}

/** Lower case; Dublin Core written either way ("DC.creator", "dc:creator", "dcterms:created" → "dc.creator"…). */
const normalKey = (key: string) =>
  key
    .trim()
    .toLowerCase()
    .replace(/^(dc|dcterms):/, "$1.");

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/**
 * An element's class attribute. linkedom answers getAttribute("class") through
 * a DOMTokenList it builds each time; the attribute node is a third of the cost,
 * which counts over every element of a large page.
 */
export function classOf(element: Element): string {
  return element.getAttributeNode("class")?.value ?? "";
}

/** The first meta content among the keys, in the keys' order. */
export function firstMeta(index: PageIndex, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = index.meta.get(key)?.[0];
    if (value) return value;
  }
  return undefined;
}

/** Tags that style words inside a run of text rather than separate one run from the next. */
const INLINE_FORMATTING = new Set([
  "b",
  "i",
  "em",
  "strong",
  "u",
  "small",
  "font",
  "abbr",
  "mark",
  "sub",
  "sup",
  "bdi",
]);

/**
 * An element's text as pieces split at element boundaries (not at `<b>`, `<em>`…) and `<br>`:
 * `<span>By</span><a>Ana Ruiz</a>` gives ["By", "Ana Ruiz"] where
 * `textContent` would run them together as "ByAna Ruiz".
 */
export function textPieces(element: Element, inline: ReadonlySet<string> = INLINE_FORMATTING): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    const piece = collapse(current);
    if (piece) pieces.push(piece);
    current = "";
  };
  // Iterative: a hostile page nests tens of thousands of elements, deeper than the call stack.
  const stack: { node: Node; leaving: boolean }[] = [];
  for (let child = element.lastChild; child; child = child.previousSibling) stack.push({ node: child, leaving: false });
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? "";
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = (node as Element).localName;
    if (leaving) {
      if (!inline.has(name)) flush();
      continue;
    }
    if (name === "script" || name === "style" || name === "noscript" || name === "svg") continue;
    if (name === "br" || !inline.has(name)) flush();
    stack.push({ node, leaving: true });
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, leaving: false });
  }
  flush();
  return pieces;
}

/** Inline elements: within a heading they run on with the words around them, as a browser shows them. */
const INLINE = new Set([
  ...INLINE_FORMATTING,
  ..."span a q cite time code kbd var dfn s del ins label data".split(" "),
]);

/** A heading's text as shown: inline elements run on ("Don<span>’</span>t" is "Don’t"), blocks and <br> separate. */
export function headingText(element: Element): string {
  return textPieces(element, INLINE).join(" ");
}

/** Whitespace-collapsed text of an element, with a space at each element boundary. */
export function visibleText(element: Element): string {
  return textPieces(element).join(" ");
}
