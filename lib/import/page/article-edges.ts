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
export type ArticleNames = {
  /** The headline as the metadata, Readability and the JSON-LD give it. */
  titles: string[];
  /** Bylines ("Ana Ruiz, Tom Lee"), to recognise byline lines and author notes. */
  bylines: string[];
  /** The page's summary (og:description…): a standfirst repeating it is header material. */
  descriptions: string[];
};

export function refineEdges(blocks: PageBlock[], notes: PageNotes, names: ArticleNames): PageBlock[] {
  const out = blocks.map((block) => ({ ...block }));
  markCaptionsAndQuotes(out, notes);
  dropBoilerplate(out, notes);
  const people = names.bylines
    .flatMap((byline) => byline.split(/\s*(?:,|&|\band\b)\s*/))
    .map(textKey)
    .filter((person) => person.split(" ").length >= 2);
  dropHeader(out, names, people);
  dropMetaLines(out, people);
  keepCorrections(out, notes);
  return out;
}

/** Lines that are a label, a prompt or a notice, never the story's own words. */
const BOILERPLATE_LINE =
  /^(?:advertisement|advertising|ad|sponsored(?: content)?|continued|pinned|subscribe|share(?: this)?(?: article| story| page)?|read more|skip advertisement|story continues below(?: advertisement)?|continue reading(?: the main story| below)?|more on (?:this|that) story|related(?: stories| articles| content)?|listen(?: to this article)?|suscr[ií]bete(?: para seguir leyendo)?|abonnez-vous|jetzt abonnieren|sobre la firma|sobre el autor|about the authors?|\d*\s*comments?|image source,? .{0,60}|(?:photo|photograph|image|illustration|pictured)s?: .{0,80})$/i;
const BOILERPLATE_NOTICE =
  /^(?:a version of this (?:article|story) appear(?:s|ed) in print|this (?:article|story) (?:appears|appeared) in the .{0,80}edition|.{0,80}\bmay earn (?:a )?(?:small )?commission\b|by (?:clicking|submitting|signing up)|sign up (?:for|to)\b|get (?:the|our) .{0,60}newsletter|you['’]ve read \d+|enjoying this\b|support (?:our|independent) journalism|lee sin l[ií]mites)/i;
/**
 * A copyright line is short; a long block starting with one is an image credit run into the story's first
 * paragraph ("© Provided by … Nintendo and Apple shocked the world…"), whose words must stay.
 */
const COPYRIGHT_LINE = /^(?:copyright\b|©|all rights reserved)/i;
/** A heading over a list of links to other stories; the heading and the list after it go. */
const RELATED_HEADING =
  /^(?:more on (?:this|that) story|related(?: stories| articles| content| coverage| reading)?|read more|recommended(?: reading)?|more information|más información|te puede interesar|lire aussi|à lire aussi|mehr zum thema)$/i;

function dropBoilerplate(blocks: PageBlock[], notes: PageNotes): void {
  for (const block of blocks) {
    if (!block.kept || block.why === "json-ld") continue;
    const text = block.text.trim();
    const key = textKey(text);
    const words = key ? key.split(" ").length : 0;
    const marked = key !== "" && notes.boilerplate.some((promo) => keyContains(promo, key));
    const line = words <= 10 && BOILERPLATE_LINE.test(text);
    const notice = (words <= 60 && BOILERPLATE_NOTICE.test(text)) || (words <= 20 && COPYRIGHT_LINE.test(text));
    // A block with no letters or digits ("###", "* * *") has nothing to check.
    if (words === 0 || marked || line || notice) Object.assign(block, { kept: false, why: "page" });
  }
  for (let index = 0; index < blocks.length; index++) {
    if (!blocks[index].kept || blocks[index].type !== "heading" || !RELATED_HEADING.test(blocks[index].text.trim()))
      continue;
    Object.assign(blocks[index], { kept: false, why: "page" });
    for (let next = index + 1; next < blocks.length && blocks[next].type === "list-item"; next++)
      Object.assign(blocks[next], { kept: false, why: "page" });
  }
}

function markCaptionsAndQuotes(blocks: PageBlock[], notes: PageNotes): void {
  for (const block of blocks) {
    if (block.why === "json-ld") continue;
    const key = textKey(block.text);
    if (!key) continue;
    if (notes.captions.some((caption) => keyContains(caption, key)))
      Object.assign(block, { kept: false, why: "caption" });
    else if (notes.pullQuotes.some((quote) => keyContains(quote, key)))
      Object.assign(block, { kept: false, why: "pull-quote" });
  }
}

/** A line that only says who wrote it and when: "By Ana Ruiz", "Updated 14 March 2024, 09:30 GMT". */
const BYLINE_START = /^(?:by|von|par|por|door|di|av|af|przez|от|بقلم|written by|words by|reporting by)\s+\p{Lu}/iu;
const DATE_WORDS =
  /^(?:a|p|m|noon|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|bst|edt|est|cdt|cst|mdt|mst|pdt|pst|cet|cest|eet|eest|ist|aest|aedt|jst|et|ct|pt|published|updated|posted|last|on|at|min|mins|read|minute|minutes|ago|hours?|\d+(?:st|nd|rd|th|am|pm|h)?)$/;
const TOP_REGION = 6;

function isDateLine(text: string): boolean {
  const words = wordsOf(text);
  return (
    words.length >= 2 &&
    words.length <= 16 &&
    words.some((word) => /\d/.test(word)) &&
    words.every((word) => DATE_WORDS.test(word))
  );
}

/**
 * The article's header as pages set it above the story: kicker, headline,
 * standfirst, byline, dateline. Among the first kept blocks (until a
 * subheading, a list or a long paragraph starts the story), a line that is the
 * headline, the summary, a byline or a date goes, and so does a short
 * paragraph before the last such line (a kicker or a standfirst sits above the
 * byline).
 */
function dropHeader(blocks: PageBlock[], names: ArticleNames, people: string[]): void {
  const titles = names.titles.map(textKey).filter((key) => key.split(" ").length >= 2);
  const descriptions = names.descriptions.map(textKey).filter((key) => key.split(" ").length >= 5);
  const top: number[] = [];
  let last = -1;
  for (let index = 0; index < blocks.length && top.length < TOP_REGION; index++) {
    const block = blocks[index];
    if (!block.kept) continue;
    const key = textKey(block.text);
    const words = key.split(" ");
    const isTitle = titles.some(
      (title) => title === key || (block.type === "heading" && keyContains(title, key) && words.length >= 4),
    );
    const isSummary = descriptions.some((description) => description === key);
    const isByline =
      block.type === "paragraph" &&
      words.length <= 12 &&
      ((BYLINE_START.test(block.text.trim()) && !/[.!?]$/.test(block.text.trim())) ||
        people.some((person) => isNameLine(key, person)));
    const isDate = words.length <= 16 && isDateLine(block.text);
    if (isTitle || isByline || isDate) {
      top.push(index);
      last = index;
      continue;
    }
    // A paragraph repeating the page's summary is a standfirst only straight under the headline or above a byline
    // or date: many sites take the summary from the story's first paragraph (after the byline), and a lede is the
    // last thing a fact-check may lose.
    if (isSummary) {
      top.push(index);
      if (index > 0 && titles.includes(textKey(blocks[index - 1].text))) last = index;
      continue;
    }
    // The story has begun: a list, a section heading (short; a subtitle set as h2 is long) or a long paragraph.
    const subtitle = block.type === "heading" && words.length >= 8;
    if ((block.type !== "paragraph" && !subtitle) || words.length >= 30) break;
    top.push(index);
  }
  // A subtitle set as a heading straight under the headline is the standfirst.
  const first = top[0];
  if (
    first !== undefined &&
    blocks[first].type === "heading" &&
    wordsOf(blocks[first].text).length <= MAX_STANDFIRST &&
    first > 0 &&
    titles.includes(textKey(blocks[first - 1].text))
  )
    last = Math.max(last, first);
  for (const index of top) {
    if (index <= last && wordsOf(blocks[index].text).length <= MAX_STANDFIRST)
      Object.assign(blocks[index], { kept: false, why: "page" });
  }
}

/** A paragraph above the byline longer than this is the story's own beginning, not a standfirst. */
const MAX_STANDFIRST = 40;

/** A line naming the author and little else ("Jessica Oyelaran", "By Ana Ruiz, Health Editor"). */
function isNameLine(key: string, person: string): boolean {
  return keyContains(key, person) && key.split(" ").length <= person.split(" ").length + 8;
}

/**
 * Inside and after the story: a line that is only a date or time (a live
 * blog's entry stamps, "Last updated: …"), only an author's name, or, in
 * the last blocks, a note about the author ("Ana Ruiz covers health…").
 */
function dropMetaLines(blocks: PageBlock[], people: string[]): void {
  const kept = blocks.filter((block) => block.kept);
  kept.forEach((block, index) => {
    const key = textKey(block.text);
    const words = key.split(" ").length;
    const dateOnly = isDateLine(block.text);
    const nameOnly = words <= 5 && people.some((person) => isNameLine(key, person));
    const authorNote =
      index >= kept.length - 4 &&
      words <= 50 &&
      people.some(
        (person) => key.startsWith(`${person} `) && / (?:is|was|covers|writes|reports|es|est|ist)\b/i.test(block.text),
      );
    if (dateOnly || nameOnly || authorNote) Object.assign(block, { kept: false, why: "page" });
  });
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
    if (marked || worded) Object.assign(block, { kept: true, why: "correction" });
  }
}
