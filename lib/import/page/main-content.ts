import { Readability } from "@mozilla/readability";

export type MainContent = {
  /** The article's HTML as Readability leaves it, "" when it found nothing. */
  html: string;
  /** Readability's reading of the headline and byline, to recognise them in the body. */
  title?: string;
  byline?: string;
  /** Share of the article's text inside links (a list of teasers is mostly links). */
  linkDensity: number;
};

/**
 * The article body by Mozilla Readability (the engine of Firefox Reader View),
 * on a linkedom document. Readability rewrites the document it is given: the
 * caller reads everything else it needs from the page first.
 *
 * Options: Readability's defaults, which its own test pages are tuned with.
 * `serializer` hands back the element so the link density is measured on the
 * very content chosen, without parsing it again.
 */
export function readMainContent(document: Document): MainContent {
  let element: Element | undefined;
  const article = new Readability(document, {
    serializer: (node) => {
      element = node as Element;
      return "";
    },
  }).parse();
  if (!article || !element) return { html: "", linkDensity: 0 };
  return {
    html: element.innerHTML,
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    linkDensity: linkDensity(element),
  };
}

function linkDensity(element: Element): number {
  const total = (element.textContent ?? "").replace(/\s+/g, "").length;
  if (!total) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll("a")))
    linked += (link.textContent ?? "").replace(/\s+/g, "").length;
  return Math.min(1, linked / total);
}
