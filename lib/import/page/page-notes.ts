import { textKey } from "./tokens";

/**
 * What the page's markup says about some of its text, read before Readability
 * rewrites the document: image captions and credits, pull quotes, and
 * correction or update notes. Each is kept as a text key; a block of the page
 * whose words lie inside one of them is that kind of text.
 */
export type PageNotes = {
  captions: string[];
  pullQuotes: string[];
  corrections: string[];
  /** Promotions and rails set in the text: newsletter sign-ups, donation asks, "more on this story", ad slots. */
  boilerplate: string[];
  /** Characters (not counting whitespace) of link text outside menus, sidebars, page headers and footers. */
  linkChars: number;
};

/** Class or id words that name a caption or credit: "caption", "wp-caption-text", "photo-credit", "image__credit". */
const CAPTION = /^(?:[\w-]*[-_])?(?:caption|credits?|figcaption)(?:[-_]+(?:text|inner|wrapper|container|content))?$/i;
const PULL_QUOTE =
  /^(?:[\w-]*[-_])?(?:pull-?quote|pullquote|pull-?out(?:-?quote)?|quote--pull|blockquote--pull)(?:[-_][\w-]*)?$/i;
/** Name parts (between "-" or "_") of promotions and rails; "social" is left out (an embedded post is a quote). */
const BOILERPLATE =
  /(?:^|[-_])(?:newsletters?|nl|signup|sign-up|subscribe|subscription|promo|promotion|cta|contribution|contribute|donate|donation|membership|paywall|related|more-on|links-block|recirc|recirculation|outbrain|taboola|read-more|readmore|share|sharing|most-read|most-popular|trending|ad|ads|advert|advertisement|sponsored|author-bio|bio)(?:$|[-_])/i;
const MAX_BOILERPLATE = 1_500;
/** An encyclopedia's apparatus around the article (MediaWiki's class names): boxes, contents, reference lists. */
const APPARATUS =
  /^(?:infobox|navbox|vertical-navbox|navbox-inner|toc|toctitle|reflist|references|refbegin|mw-references-wrap|hatnote|sistersitebox|catlinks|mw-editsection|ambox)$/i;
const CORRECTION =
  /^(?:[\w-]*[-_])?(?:corrections?|clarifications?|editor-?s?-?notes?|update-?notes?|article-?updates?|amendments?|correction-?notice)(?:[-_][\w-]*)?$/i;

/** Above these lengths (characters) an element is a wrapper around more than a caption, quote or note. */
const MAX_CAPTION = 600;
const MAX_PULL_QUOTE = 600;
const MAX_CORRECTION = 2_000;

/** Where pages name what an element is: its classes and id, and the component names of React/Arc/Guardian markup. */
const NAME_ATTRIBUTES = ["class", "id", "data-component", "data-qa", "data-testid"];

export function readPageNotes(document: Document): PageNotes {
  const notes: PageNotes = { captions: [], pullQuotes: [], corrections: [], boilerplate: [], linkChars: 0 };
  const body = document.body;
  if (!body) return notes;
  // Links in menus, sidebars, page headers and footers, found once (closest() per link costs 50 ms on a 1 MB page).
  const chromeLinks = new Set<Element>(
    Array.from(body.querySelectorAll("nav, aside, header, footer")).flatMap((chrome) =>
      Array.from(chrome.querySelectorAll("a")),
    ),
  );
  for (const element of Array.from(body.querySelectorAll("*"))) {
    const tag = element.localName;
    if (tag === "a" && !chromeLinks.has(element)) {
      notes.linkChars += (element.textContent ?? "").replace(/\s+/g, "").length;
    }
    // Through the attribute node: linkedom builds a DOMTokenList for getAttribute("class") each time.
    const names = NAME_ATTRIBUTES.map((name) => element.getAttributeNode(name)?.value ?? "")
      .join(" ")
      .split(/\s+/)
      .filter(Boolean)
      // camelCase names are words too: "imageCaption" is "image-caption", "relatedStories" "related-stories".
      .map((name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2"));
    const itemprop = (element.getAttributeNode("itemprop")?.value ?? "").toLowerCase();
    let kind: "captions" | "pullQuotes" | "corrections" | "boilerplate" | undefined;
    if (tag === "figcaption" || itemprop === "caption" || names.some((name) => CAPTION.test(name))) kind = "captions";
    else if (names.some((name) => PULL_QUOTE.test(name))) kind = "pullQuotes";
    else if (names.some((name) => CORRECTION.test(name))) kind = "corrections";
    else if (names.some((name) => BOILERPLATE.test(name) || APPARATUS.test(name))) kind = "boilerplate";
    if (!kind) continue;
    const text = element.textContent ?? "";
    const limit = {
      captions: MAX_CAPTION,
      pullQuotes: MAX_PULL_QUOTE,
      corrections: MAX_CORRECTION,
      boilerplate: MAX_BOILERPLATE,
    }[kind];
    if (text.length > limit && !names.some((name) => APPARATUS.test(name))) continue;
    const key = textKey(blockText(element));
    if (key) notes[kind].push(key);
  }
  return notes;
}

const BLOCK = /^(?:p|div|br|li|h[1-6]|figcaption|blockquote|section|header|footer|dt|dd|tr|td|th)$/;

/** The element's text with a space where one block ends and another starts, as the import splits them. */
function blockText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? "";
  let text = "";
  for (const child of Array.from(node.childNodes)) {
    const block = child.nodeType === 1 && BLOCK.test((child as Element).localName);
    text += block ? ` ${blockText(child)} ` : blockText(child);
  }
  return text;
}
