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
 * `coreEnds` says where the trailing whitespace begins. Typed arrays and keys
 * made on demand: a long article has 100,000 units, and the garbage of one
 * string and five array slots each cost more than the diff itself.
 */
export type Units = {
  count: number;
  /** start offset of unit i; starts[count] = text length */
  starts: Int32Array;
  coreEnds: Int32Array;
  kinds: Uint8Array;
  /** 1 when the whitespace after unit i holds a line break: where the line-level diff cuts */
  breaks: Uint8Array;
  key(i: number): string;
};

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE_CHAR = /\s/u;

/** Hand-rolled (a Unicode-class regex over the whole text took 4/5 of the diff's time); ASCII fast, the rest by regex. */
export function diffUnits(text: string): Units {
  const length = text.length;
  // Prose has a unit every 5–6 characters; grow by doubling in the rare text that has more.
  let capacity = (length >> 2) + 16;
  let starts = new Int32Array(capacity + 1);
  let coreEnds = new Int32Array(capacity);
  let kinds = new Uint8Array(capacity);
  let breaks = new Uint8Array(capacity);
  let count = 0;
  let i = 0;
  while (i < length) {
    const start = i;
    let kind: Kind;
    if (isSpace(text, i)) kind = Kind.Space;
    else if (isWord(text, i)) {
      kind = Kind.Word;
      do i += charLength(text, i);
      while (i < length && isWord(text, i));
    } else {
      kind = Kind.Other;
      i += charLength(text, i);
    }
    const coreEnd = i;
    let lineBreak = 0;
    while (i < length && isSpace(text, i)) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) lineBreak = 1;
      i += 1;
    }
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity + 1);
      coreEnds = grow(coreEnds, capacity);
      kinds = grow(kinds, capacity);
      breaks = grow(breaks, capacity);
    }
    starts[count] = start;
    coreEnds[count] = coreEnd;
    kinds[count] = kind;
    breaks[count] = lineBreak;
    count++;
  }
  starts[count] = length;
  return {
    count,
    starts: starts.subarray(0, count + 1),
    coreEnds: coreEnds.subarray(0, count),
    kinds: kinds.subarray(0, count),
    breaks: breaks.subarray(0, count),
    key: (u) => (kinds[u] === Kind.Space ? " " : text.slice(starts[u], coreEnds[u])),
  };
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

function isSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE_CHAR.test(text[i]);
}

function isWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

const charLength = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
};

/** Words whose survival alone does not make a span recognisable. */
export const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with as into onto over under about after before than then " +
    "that this these those there here it its is are was were be been being has have had do does did will would shall should " +
    "can could may might must not no he she they we you i his her their our your my him them us me who whom which what when " +
    "where why how all any some each also just only very more most s t"
  ).split(" "),
);

/** First index whose value is ≥ target. */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
