import { readByline, type Byline } from "./byline";
import { inArticleHeader, shortSiblings } from "./near-headline";
import { writtenDate } from "./page-dates";
import { textPieces, type PageIndex } from "./page-index";
import type { SiteNames } from "./site-names";

/**
 * The byline a reader sees under the headline, when JSON-LD and meta tags
 * name no one: `[itemprop=author]`, `[rel=author]`, an element whose class
 * says byline or author, a link to an author page, or a "By …" line beside
 * the `<h1>`. Only what sits in the article's header counts — not a
 * related-stories rail, a comment, an "about the author" box in the footer.
 */
export function* pageBylines(index: PageIndex, headline: Element | undefined, site: SiteNames): Generator<Byline> {
  const usable = inArticleHeader(index, headline);

  // Microdata first: the page says which element is the author.
  const itemprop = index.itemprops.filter(
    (element) =>
      /(?:^|\s)(?:author|creator)(?:\s|$)/i.test(element.getAttribute("itemprop") ?? "") &&
      (usable(element) || ofThisArticle(element)),
  );
  if (itemprop.length) yield readByline(itemprop.flatMap(microdataName), site, { single: true });

  const candidates = index.bylines.filter(usable);
  // Outermost first: a byline box and the author link inside it are one byline.
  const outer = candidates.filter(
    (element) => !candidates.some((other) => other !== element && other.contains(element)),
  );
  const pieces = outer.slice(0, 4).flatMap((element) => bylinePieces(element));
  if (pieces.length) yield readByline(pieces, site, { single: false });

  if (headline) yield readByline(byLinesBeside(headline, index), site, { single: false });
  // The article's own footer: "Posted by Ana Ruiz." under the story.
  const footers = headline?.closest("article")?.querySelectorAll("footer");
  if (footers?.length)
    yield readByline(
      Array.from(footers).flatMap((footer) => {
        const line = byLine(footer);
        return line ? [{ text: line }] : [];
      }),
      site,
      { single: false },
    );
}

/** Microdata of the page's own article item (`<article itemscope itemtype=…/BlogPosting>`), even in its aside. */
function ofThisArticle(element: Element): boolean {
  const scope = element.parentElement?.closest("[itemscope]");
  return !!scope && /(?:Article|Posting)$/.test(scope.getAttribute("itemtype") ?? "");
}

/** The author's name in a microdata author: its `[itemprop=name]`, its `content`, else its text. */
function microdataName(element: Element): { text: string }[] {
  const content = element.getAttribute("content");
  if (content && !/^https?:/i.test(content)) return [{ text: content }];
  const name = element.querySelector("[itemprop~=name]");
  if (name) return [{ text: name.getAttribute("content") ?? textPieces(name).join(" ") }];
  const pieces = textPieces(element);
  return pieces.join(" ").length <= 80 ? pieces.map((text) => ({ text })) : [];
}

/** The short pieces of text in a byline element; in a long one (an author box with a bio), only its links and names. */
function bylinePieces(element: Element): { text: string }[] {
  const pieces = textPieces(element);
  if (pieces.join(" ").length <= 150) return pieces.map((text) => ({ text }));
  const names = Array.from(element.querySelectorAll("a, [class*=name], strong"));
  // Many links is a list of tags or stories around an author box, not its byline.
  if (names.length > 6) return [];
  return names
    .map((child) => textPieces(child).join(" "))
    .filter((text) => text.length <= 60)
    .map((text) => ({ text }));
}

/** "By Ana Ruiz" in an element just before or after the h1 (or its header's siblings), for pages with no byline markup. */
function byLinesBeside(headline: Element, index: PageIndex): { text: string }[] {
  const siblings = [...shortSiblings(headline, index)];
  for (const sibling of siblings) {
    const line = byLine(sibling);
    if (line) return [{ text: line }];
  }
  // No "By": a header line of a date and names in separate children (<p>March 24, 2026</p><p>Ana Ruiz, Tom Lee</p>).
  for (const sibling of siblings) {
    const children = Array.from(sibling.children);
    if (children.length < 2 || children.length > 4) continue;
    const texts = children.map((child) => textPieces(child).join(" "));
    const dated = texts.findIndex((text) => text.length <= 40 && writtenDate(text) !== undefined);
    if (dated < 0 && !children.some((child) => child.localName === "time")) continue;
    const names = texts.filter((text, position) => position !== dated && text.length <= 150 && !writtenDate(text));
    if (names.length) return names.map((text) => ({ text }));
  }
  return [];
}

const BY_LINE = /^\s*(?:(?:posted|written|words|story|reported)\s+)?by\s+\p{Lu}/iu;

function byLine(element: Element): string | undefined {
  const candidates = [element, ...Array.from(element.querySelectorAll("p, span, div, address")).slice(0, 20)];
  for (const candidate of candidates) {
    const raw = candidate.textContent ?? "";
    if (raw.length > 200 || !BY_LINE.test(raw)) continue;
    const text = textPieces(candidate).join(" ");
    if (text.length < 120 && BY_LINE.test(text))
      return text.replace(/^\s*(?:posted|written|words|story|reported)\s+/i, "");
  }
  return undefined;
}
