import type { RevisionContent } from "../../domain/article";
import { keyContains, textKey } from "./tokens";
import type { PageBlock } from "./types";

/** The blocks of imported content, as the preview lists them (all left out until chosen). */
export function toPageBlocks({ text, blocks }: RevisionContent, why: PageBlock["why"], kept = false): PageBlock[] {
  return blocks.map((block) => ({
    type: block.type,
    ...(block.level !== undefined ? { level: block.level } : {}),
    text: text.slice(block.start, block.end),
    kept,
    why,
  }));
}

/** How far ahead a block the extractor trimmed (an inline ad, a "Read more" link) is looked for. */
const TRIMMED_LOOKAHEAD = 3;

/**
 * The page's blocks, in page order, with the extracted ones kept: each
 * extracted block is matched, in order, with the next page block of the same
 * words (when a text repeats, the occurrence followed by the next extracted
 * block's text wins, so a headline repeated in a rail above the story is not
 * taken for the story's). An extracted block the extractor trimmed (part of a
 * page block) replaces that page block; one the page's own walk does not have
 * (markup it reads differently) is inserted where it belongs. The page
 * block's type wins for a match: Readability turns the headline's h1 into an
 * h2, the page says what it is.
 */
export function alignBlocks(page: PageBlock[], extracted: PageBlock[]): PageBlock[] {
  const pageKeys = page.map((block) => textKey(block.text));
  const positions = new Map<string, number[]>();
  pageKeys.forEach((key, index) => {
    const list = positions.get(key);
    if (list) list.push(index);
    else positions.set(key, [index]);
  });
  const out: PageBlock[] = [];
  let cursor = 0;
  const copyUpTo = (end: number) => {
    for (; cursor < end; cursor++) out.push(page[cursor]);
  };
  extracted.forEach((block, index) => {
    const key = textKey(block.text);
    const next = extracted[index + 1] && textKey(extracted[index + 1].text);
    const candidates = (positions.get(key) ?? []).filter((position) => position >= cursor);
    const match = candidates.find((position) => next === undefined || pageKeys[position + 1] === next) ?? candidates[0];
    if (key && match !== undefined) {
      copyUpTo(match);
      out.push({ ...page[match], kept: true, why: block.why });
      cursor = match + 1;
      return;
    }
    const trimmed = key
      ? pageKeys.slice(cursor, cursor + TRIMMED_LOOKAHEAD).findIndex((pageKey) => keyContains(pageKey, key))
      : -1;
    if (trimmed >= 0) {
      copyUpTo(cursor + trimmed);
      cursor++;
    }
    out.push(block);
  });
  copyUpTo(page.length);
  return out;
}
