import { keyContains, textKey, wordsOf } from "./tokens";
import type { PageBlock } from "./types";
import type { PageNotes } from "./page-notes";

/**
 * The edges of the extracted article, where extractors go wrong in ways that
 * matter to a fact-check:
 *  - captions, credits and pull quotes inside the running text are left out
 *    (listed, so the editor can bring one back);
 *  - the headline and the byline/dateline lines at the top are left out (the
 *    title and byline are their own fields);
 *  - a correction or update note after the story (or inside it) is kept:
 *    Readability drops footers and short trailing blocks, but the note is part
 *    of the record.
 */
export function refineEdges(
  blocks: PageBlock[],
  notes: PageNotes,
  names: { title?: string[]; bylines?: string[] },
): PageBlock[] {
  const out = blocks.map((block) => ({ ...block }));
  markCaptionsAndQuotes(out, notes);
  dropHeadlineAndByline(out, names);
  keepCorrections(out, notes);
  return out;
}

function markCaptionsAndQuotes(blocks: PageBlock[], notes: PageNotes): void {
  for (const block of blocks) {
    if (block.why === "json-ld") continue;
    const key = textKey(block.text);
    if (!key) continue;
    if (notes.captions.some((caption) => keyContains(caption, key))) Object.assign(block, { kept: false, why: "caption" });
    else if (notes.pullQuotes.some((quote) => keyContains(quote, key)))
      Object.assign(block, { kept: false, why: "pull-quote" });
  }
}

/** A line that only says who wrote it and when: "By Ana Ruiz", "Updated 14 March 2024, 09:30 GMT". */
const BYLINE_START = /^(?:by|von|par|por|door|di|de|av|af|z|przez|от|بقلم|written by|words by|reporting by)\s/i;
const DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|bst|edt|est|pdt|pst|cet|cest|et|pt|published|updated|posted|last|on|at|min|mins|read|minute|minutes|ago|hours?|\d+(?:st|nd|rd|th)?)$/;
const TOP_REGION = 6;

function isDateLine(text: string): boolean {
  const words = wordsOf(text);
  return words.length >= 2 && words.length <= 16 && words.every((word) => DATE_WORDS.test(word));
}

function dropHeadlineAndByline(blocks: PageBlock[], names: { title?: string[]; bylines?: string[] }): void {
  const titles = (names.title ?? []).map(textKey).filter((key) => key.split(" ").length >= 2);
  const people = (names.bylines ?? []).flatMap((byline) => byline.split(/\s*(?:,|&|\band\b)\s*/)).map(textKey);
  let seen = 0;
  for (const block of blocks) {
    if (!block.kept) continue;
    if (seen++ >= TOP_REGION) break;
    const key = textKey(block.text);
    const words = key.split(" ");
    const isTitle = titles.some((title) => title === key || (block.type === "heading" && keyContains(title, key) && words.length >= 4));
    const short = words.length <= 16 && block.type !== "list-item";
    const isByline =
      short &&
      (BYLINE_START.test(block.text.trim()) ||
        people.some((person) => person.split(" ").length >= 2 && keyContains(key, person) && words.length <= person.split(" ").length + 8));
    const isDate = short && isDateLine(block.text);
    if (isTitle || isByline || isDate) Object.assign(block, { kept: false, why: "page" });
    else if (block.type === "paragraph" && words.length >= 20) break; // The story has begun.
  }
}

/** How a correction or update note starts when its markup does not say so. */
const CORRECTION_TEXT =
  /^[\s*([]*(?:corrections?|clarifications?|update[ds]?|editor['’]?s['’]? note|note to readers|an earlier version of this|this (?:article|story|post|report|piece|page) (?:was|has been|had been|originally) (?:amended|updated|corrected|changed|edited|misstated|published))\b/i;
/** How many left-out page blocks after the article are searched for a note. */
const AFTER_ARTICLE = 12;

function keepCorrections(blocks: PageBlock[], notes: PageNotes): void {
  const kept = blocks.flatMap((block, index) => (block.kept ? [index] : []));
  if (kept.length === 0) return;
  const end = Math.min(blocks.length, kept[kept.length - 1] + 1 + AFTER_ARTICLE);
  for (let index = kept[0]; index < end; index++) {
    const block = blocks[index];
    if (block.kept || block.why === "caption" || block.why === "pull-quote") continue;
    const key = textKey(block.text);
    if (!key || key.length > 2_000) continue;
    const marked = notes.corrections.some((note) => keyContains(note, key));
    const worded = CORRECTION_TEXT.test(block.text) && key.split(" ").length >= 6 && !isDateLine(block.text);
    if (marked || worded)
      Object.assign(block, { kept: true, why: "correction" });
  }
}
