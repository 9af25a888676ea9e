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
