import { classOf, type PageIndex } from "./page-index";

/**
 * Whether an element sits in the article's header, by the headline: the
 * byline and dates a reader sees there, not those of a related-stories rail,
 * a comment, a footer or a card linking to another story.
 */
const OUTSIDE_ARTICLE =
  /(?:^|[\s_-])(?:related|recirc|recommend|more-?stories|most-?(?:read|popular)|trending|promo|teaser|newsletter|comments?|footer|sidebar|rail|widget|nav|menu|breadcrumbs?|share|social|tags?|caption)(?:$|[\s_-])/i;
/** How far from the headline, in elements of the page, it may sit (before it: a kicker; after it: the header). */
const BEFORE_H1 = 40;
const AFTER_H1 = 200;

export function inArticleHeader(index: PageIndex, headline: Element | undefined): (element: Element) => boolean {
  return (element) => isNear(element, headline, index) && !outsideArticle(element);
}

function isNear(element: Element, headline: Element | undefined, index: PageIndex): boolean {
  if (!headline) return element.closest("article, main, [role=main], header") !== null;
  const at = index.order.get(element);
  const h1 = index.order.get(headline);
  if (at === undefined || h1 === undefined) return false;
  if (at >= h1 - BEFORE_H1 && at <= h1 + AFTER_H1) return true;
  // Same <article> as the headline (a long header with a hero image between).
  const article = headline.closest("article");
  return article !== null && article.contains(element) && at > h1;
}

export function outsideArticle(element: Element): boolean {
  let inFooter = false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const name = node.localName;
    // A photo's credit line is a byline too ("Nam Lee, Associated Wire"): of the picture, not the story.
    if (name === "nav" || name === "aside" || name === "form" || name === "figure" || name === "figcaption")
      return true;
    // An <article>'s own <footer> holds its author ("Posted by …"); the page's footer does not.
    if (name === "footer") inFooter = true;
    if (name === "article") return false;
    if (name === "main" || name === "body") return inFooter;
    const label = `${classOf(node)} ${node.getAttribute("id") ?? ""}`;
    // "byline-share", "author-social" are the byline's own parts; a comment's or a related story's author is not.
    if (
      OUTSIDE_ARTICLE.test(label) &&
      (!/byline|author/i.test(label) || /comment|related|recirc|recommend/i.test(label))
    )
      return true;
  }
  return false;
}

/**
 * Short elements beside the headline — its siblings after it, then before it,
 * then its parents' (three levels up) — in that order: where a byline or a
 * dateline sits when no markup names it. An element holding more than a few
 * dozen elements (the article body, the whole page) is skipped.
 */
export function* shortSiblings(headline: Element, index: PageIndex): Generator<Element> {
  let scope: Element | null = headline;
  for (let depth = 0; depth < 3 && scope; depth++) {
    for (const step of ["nextElementSibling", "previousElementSibling"] as const) {
      let sibling: Element | null = scope[step];
      for (let count = 0; count < 4 && sibling; count++) {
        if (subtreeSize(sibling, index) <= 60) yield sibling;
        sibling = sibling[step];
      }
    }
    scope = scope.parentElement;
  }
}

/** How many elements an element holds, from page order. */
function subtreeSize(element: Element, index: PageIndex): number {
  const start = index.order.get(element) ?? 0;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const next = node.nextElementSibling;
    if (next) return (index.order.get(next) ?? start) - start;
  }
  return index.order.size - start;
}
