/**
 * Tokens for the revision diff: runs of letters/marks/digits (words and
 * figures), runs of whitespace, and every other single code point
 * (punctuation, symbols, an emoji's code points). Token edges are therefore
 * never inside a surrogate pair, and every edge the diff produces is one.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[\s\S]/gu;
const WORD_START = /[\p{L}\p{M}\p{N}]/u;
const SPACE_START = /\s/u;

export const enum Kind {
  Word = 0,
  Space = 1,
  Other = 2,
  /** a whitespace run holding a line break: where the line-level diff cuts */
  Break = 3,
}

export type Tokens = {
  /** start offset of token i; starts[count] = text length */
  starts: number[];
  /** comparison key: the token itself, or " " for every whitespace run (re-flow is not a change) */
  keys: string[];
  kinds: Kind[];
};

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const keys: string[] = [];
  const kinds: Kind[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const token = match[0];
    starts.push(match.index);
    if (SPACE_START.test(token)) {
      keys.push(" ");
      kinds.push(/[\n\r]/.test(token) ? Kind.Break : Kind.Space);
    } else {
      keys.push(token);
      kinds.push(WORD_START.test(token) ? Kind.Word : Kind.Other);
    }
  }
  starts.push(text.length);
  return { starts, keys, kinds };
}

/** Whitespace runs collapsed to one space and trimmed: the "modulo whitespace" comparison. */
export const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/**
 * The units the revision diff compares: a word (or any other code point) with
 * the whitespace that follows it, and a leading whitespace run. Whitespace is
 * not a unit of its own, or a minimal diff would align the many spaces of a
 * rewritten passage and miss the sentence that survived inside it. The key
 * is the word alone, so re-flow and line endings are no change (a space
 * added or removed between two words shows as such in the pieces);
 * `coreEnds` says where the trailing whitespace begins.
 */
export type Units = Tokens & { coreEnds: number[]; breaks: boolean[] };

const UNIT = /(?:[\p{L}\p{M}\p{N}]+|[^\s])(\s*)|\s+/gu;

export function diffUnits(text: string): Units {
  const starts: number[] = [];
  const coreEnds: number[] = [];
  const keys: string[] = [];
  const kinds: Kind[] = [];
  const breaks: boolean[] = [];
  UNIT.lastIndex = 0;
  for (let match = UNIT.exec(text); match; match = UNIT.exec(text)) {
    const unit = match[0];
    const space = match[1] ?? unit;
    const core = unit.slice(0, unit.length - space.length);
    starts.push(match.index);
    coreEnds.push(match.index + core.length);
    keys.push(core === "" ? " " : core);
    kinds.push(core === "" ? Kind.Space : WORD_START.test(core) ? Kind.Word : Kind.Other);
    breaks.push(/[\n\r]/u.test(space));
  }
  starts.push(text.length);
  return { starts, coreEnds, keys, kinds, breaks };
}

/** Words whose survival alone does not make a span recognisable. */
export const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with as into onto over under about after before than then " +
    "that this these those there here it its is are was were be been being has have had do does did will would shall should " +
    "can could may might must not no he she they we you i his her their our your my him them us me who whom which what when " +
    "where why how all any some each also just only very more most s t"
  ).split(" "),
);
