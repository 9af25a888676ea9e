import { wordsOf } from "./tokens";
import type { PageBlock } from "./types";

/** What the refusal looks at; all measured on the page being imported. */
export type PageFacts = {
  /** The page says it is an article: article JSON-LD, og:type "article", an article:published_time. */
  articleSignal: boolean;
  /** Words of the whole page's text (today's whole-body reading, no scripts or menus). */
  pageWords: number;
  /** Share of the page's text inside links. */
  pageLinkDensity: number;
  /** Share of the extracted content's text inside links. */
  contentLinkDensity: number;
  url?: string;
  title?: string;
};

/** A block of running prose, not a teaser line or a label. */
const PROSE_WORDS = 15;
const SEARCH_ADDRESS = /[?&](?:q|query|s|search|keywords?|text)=|\/search(?:[/?.]|$)/i;
const SEARCH_TITLE = /\bsearch results?\b|\bresults for\b/i;
const SEARCH_TEXT =
  /\bsearch results?\b|\b(?:showing )?results? \d[\d,–-]*(?: (?:to|of|–|-) [\d,]+)* for\b|\b[\d,]+ results? for\b/i;
/** A wall's own words: it asks for an account or a subscription to go on reading. */
const WALL =
  /\bsign in to (?:continue|keep reading|read)\b|\bto (?:keep|continue) reading\b|\bcreate (?:a|an|your) (?:free )?account\b|\balready a subscriber\b/i;
const SUBSCRIBE = /\bsubscri(?:be|ber|bers|ption)\b|\bpremium\b|\bpaywall\b/i;
const SIGN_IN = /\bsign(?:ed)? ?in\b|\blog ?in\b|\baccount\b|\bpassword\b|\balready\b|\bregister\b/i;

/**
 * Why the page is not an article, or undefined when it may be one. Refusing a
 * real article is worse than letting a non-article through (the editor sees
 * the preview either way), so each rule needs the page not to call itself an
 * article, or no text to import at all:
 *  - nothing to import: no text (a JavaScript-built page), or only a
 *    sign-in/subscribe prompt;
 *  - a search page: a search address or title, and no run of prose;
 *  - a home or section page: what the extractor found is mostly links, or the
 *    page is mostly links and the extract holds less than two paragraphs of prose.
 */
export function notArticleReason(blocks: PageBlock[], facts: PageFacts): string | undefined {
  const kept = blocks.filter((block) => block.kept);
  const keptText = kept.map((block) => block.text).join("\n");
  const keptWords = wordsOf(keptText).length;
  // Paragraphs and quotes only: a search page's snippets are list items of prose length.
  const prose = kept.filter(
    (block) => (block.type === "paragraph" || block.type === "blockquote") && wordsOf(block.text).length >= PROSE_WORDS,
  ).length;
  if (keptWords === 0) {
    return facts.pageWords < 40
      ? "This page has no text of its own: it is built by JavaScript in the browser. Paste the article's text instead, or its HTML as the browser shows it."
      : "No article text was found on this page. Open the article itself and fetch that address, or paste the article's text.";
  }
  const wall = WALL.test(keptText) || (SUBSCRIBE.test(keptText) && SIGN_IN.test(keptText));
  if (keptWords < 100 && wall) {
    return "This page only asks the reader to sign in or subscribe; it shows no article text. Paste the article's text, or save the page while signed in and import that.";
  }
  if (facts.articleSignal) return undefined;
  const searchPage =
    SEARCH_ADDRESS.test(facts.url ?? "") ||
    SEARCH_TITLE.test(facts.title ?? "") ||
    SEARCH_TEXT.test(keptText.slice(0, 2_000));
  if (searchPage && prose < 3 && kept.filter((block) => block.type === "list-item").length >= 3) {
    return "This looks like a search results page, not an article: open the article itself and fetch that address.";
  }
  if (facts.contentLinkDensity >= 0.5 || (prose < 2 && facts.pageLinkDensity >= 0.5)) {
    return "This looks like a site's home page (a list of links), not an article: open the article itself and fetch that address.";
  }
  return undefined;
}
