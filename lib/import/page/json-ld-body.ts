import { importBlocks } from "../html";
import { toPageBlocks } from "./align-blocks";
import { sharedWords, textKey, wordsOf } from "./tokens";
import type { PageBlock } from "./types";

/** Below this many words an `articleBody` is a summary, not a body. */
const MIN_BODY_WORDS = 30;
/** Share of the page's extracted words the JSON-LD body must contain to agree with the page. */
const AGREES = 0.8;
/** Under this many extracted words the page shows no story of its own (a JavaScript shell, a wall). */
const NO_STORY = 50;

/**
 * The page's NewsArticle JSON-LD `articleBody`, the text the publisher gives
 * search engines, as a second witness of the story:
 *  - the page shows no story of its own (its body is built by JavaScript, or
 *    only a wall shows): the JSON-LD body is the article;
 *  - it agrees with the page (it holds nearly all the extracted words) and is
 *    longer: paragraphs the extraction lost are brought back from the page if
 *    the page has them, else from the JSON-LD, in their place;
 *  - it disagrees (a teaser, another story, boilerplate): it is not used.
 */
export function withJsonLdBody(blocks: PageBlock[], articleBody: unknown): PageBlock[] {
  if (typeof articleBody !== "string") return blocks;
  const paragraphs = bodyBlocks(articleBody);
  const bodyWords = paragraphs.flatMap((block) => wordsOf(block.text));
  if (bodyWords.length < MIN_BODY_WORDS) return blocks;
  const keptWords = blocks.filter((block) => block.kept).flatMap((block) => wordsOf(block.text));
  if (bodyWords.length <= keptWords.length) return blocks;
  if (keptWords.length < NO_STORY) {
    // The page's own few words are a wall or a shell's leftovers unless they are the story's.
    const ownAreStory = keptWords.length > 0 && sharedWords(bodyWords, keptWords) / keptWords.length >= AGREES;
    if (ownAreStory) return recover(blocks, paragraphs);
    return [
      ...blocks.map((block) => (block.kept ? { ...block, kept: false, why: "page" as const } : block)),
      ...paragraphs,
    ];
  }
  if (sharedWords(bodyWords, keptWords) / keptWords.length < AGREES) return blocks;
  return recover(blocks, paragraphs);
}

/** `articleBody` is plain text with line breaks on most sites, HTML on some. */
function bodyBlocks(articleBody: string): PageBlock[] {
  const html = /<\/?(?:p|br|div|h[1-6]|li|blockquote)\b/i.test(articleBody)
    ? articleBody
    : articleBody
        .split(/\n/)
        .map((line) => `<p>${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
        .join("");
  return toPageBlocks(importBlocks(html, "content"), "json-ld", true);
}

/** Word runs this long stand for a passage: a paragraph whose runs mostly occur in a block is that block's. */
const SHINGLE = 6;

function shingles(key: string): string[] {
  const words = key.split(" ");
  if (words.length <= SHINGLE) return [key];
  return Array.from({ length: words.length - SHINGLE + 1 }, (_, i) => words.slice(i, i + SHINGLE).join(" "));
}

/**
 * Each JSON-LD paragraph the kept text lacks (most of its word runs found in
 * no kept block, so an edited sentence is not taken for a lost one): the
 * page's own block of those words is kept if there is one, else the paragraph
 * is inserted after the block holding the previous paragraph. A body given as
 * one run of text (no paragraphs) cannot be placed and recovers nothing.
 */
function recover(blocks: PageBlock[], paragraphs: PageBlock[]): PageBlock[] {
  if (paragraphs.length < 3) return blocks;
  const out = blocks.map((block) => ({ ...block }));
  const keys = out.map((block) => textKey(block.text));
  const where = new Map<string, PageBlock>();
  out.forEach((block, index) => {
    if (block.kept) for (const shingle of shingles(keys[index])) if (!where.has(shingle)) where.set(shingle, block);
  });
  let after = -1;
  for (const paragraph of paragraphs) {
    const key = textKey(paragraph.text);
    const runs = shingles(key);
    const found = runs.map((run) => where.get(run)).filter((block) => block !== undefined);
    if (found.length * 2 >= runs.length) {
      after = Math.max(after, out.indexOf(found[found.length - 1]));
      continue;
    }
    const own = keys.findIndex((pageKey, index) => index > after && !out[index].kept && pageKey === key);
    if (own >= 0) {
      Object.assign(out[own], { kept: true, why: "json-ld" });
      after = own;
      continue;
    }
    out.splice(after + 1, 0, paragraph);
    keys.splice(after + 1, 0, key);
    after++;
  }
  return out;
}
