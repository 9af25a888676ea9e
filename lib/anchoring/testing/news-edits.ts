import { Kind, tokenize } from "../tokens";

/**
 * News-like revisions of a text for tests and the benchmark: sentences
 * deleted, added and corrected (a word, a figure, a name), lines re-flowed,
 * paragraphs moved. Built token by token from the old text, so the generator
 * knows, independently of any diff, where every surviving old character went.
 */
export type EditMix = {
  /** share of sentences edited (deleted, followed by a new one, corrected or re-flowed) */
  share: number;
  /** paragraphs moved elsewhere */
  moves: number;
  /** include whitespace-only re-flows among the edits */
  reflow?: boolean;
};

export type Carry = { start: number; end: number; moved: boolean };
export type EditedRevision = {
  newText: string;
  /** Where old [start, end) now stands when all its tokens survive, in order and together; else null. */
  carry(start: number, end: number): Carry | null;
  /** Old sentences deleted, as [start, end) in the old text. */
  deleted: [number, number][];
  /**
   * Whether old `offset` lies in a paragraph that a move jumped over (or in the moved one): moving M
   * across W is the same text as moving W across M, so a diff may rightly take W for the moved one.
   */
  crossed(offset: number): boolean;
};

type Out = { text: string; origin: number; moved: boolean };
type Sentence = { from: number; to: number; after: number | null };
type Paragraph = { from: number; to: number; sentences: Sentence[]; breakToken: number | null };

const FRESH = (
  "officials confirmed council agency spokesperson figures survey analysts statement budget ministry committee " +
  "regional quarterly revised preliminary estimate report residents funding hospital schools police court " +
  "Monday Tuesday Friday March October Jordan Alvarez Okafor Lindqvist Chen Novak"
).split(" ");

export function applyNewsEdits(
  oldText: string,
  random: () => number,
  mix: EditMix,
  forcedDeletes: readonly number[] = [],
): EditedRevision {
  const tokens = tokenize(oldText);
  const count = tokens.keys.length;
  const text = (i: number) => oldText.slice(tokens.starts[i], tokens.starts[i + 1]);
  const paragraphs = parse(tokens, text);
  const sentences = paragraphs.flatMap((paragraph) => paragraph.sentences);
  const int = (n: number) => Math.floor(random() * n);

  const ops = new Map<Sentence, "delete" | "add" | "correct" | "reflow">();
  for (const at of forcedDeletes) {
    const sentence = sentences.find((s) => tokens.starts[s.from] === at);
    if (sentence) ops.set(sentence, "delete");
  }
  const wanted = Math.round(mix.share * sentences.length);
  for (let tries = 0; ops.size < wanted && tries < wanted * 10; tries++) {
    const sentence = sentences[int(sentences.length)];
    if (ops.has(sentence)) continue;
    const roll = random();
    ops.set(sentence, roll < 0.25 ? "delete" : roll < 0.5 ? "add" : roll < 0.85 || !mix.reflow ? "correct" : "reflow");
  }
  const movedTo = new Map<number, number[]>();
  const movedAway = new Set<number>();
  const jumped: [number, number][] = [];
  for (let m = 0; m < mix.moves && paragraphs.length > 2; m++) {
    const from = int(paragraphs.length);
    const to = int(paragraphs.length);
    if (from === to || movedAway.has(from) || movedAway.has(to) || movedTo.has(from)) continue;
    movedAway.add(from);
    movedTo.set(to, [...(movedTo.get(to) ?? []), from]);
    jumped.push([tokens.starts[paragraphs[Math.min(from, to)].from], tokens.starts[paragraphs[Math.max(from, to)].to]]);
  }

  const out: Out[] = [];
  const fresh = (piece: string) => out.push({ text: piece, origin: -1, moved: false });
  const freshSentence = () => {
    const words = Array.from({ length: 6 + int(10) }, () => FRESH[int(FRESH.length)]);
    return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`;
  };
  const emitSentence = (sentence: Sentence, moved: boolean) => {
    const op = ops.get(sentence);
    if (op === "delete") {
      // The last sentence of a paragraph takes the space before it along (not a paragraph break).
      if (sentence.after === null && /^[^\S\n\r]+$/u.test(out.at(-1)?.text ?? "")) out.pop();
      return;
    }
    const words: number[] = [];
    const spaces: number[] = [];
    for (let i = sentence.from; i < sentence.to; i++) {
      if (tokens.kinds[i] === Kind.Word) words.push(i);
      else if (tokens.kinds[i] === Kind.Space) spaces.push(i);
    }
    const corrected = op === "correct" && words.length ? words[int(words.length)] : -1;
    const reflowed = op === "reflow" && spaces.length ? spaces[int(spaces.length)] : -1;
    for (let i = sentence.from; i < sentence.to; i++) {
      if (i === corrected) fresh(correction(text(i), FRESH[int(FRESH.length)], int));
      else out.push({ text: i === reflowed ? "\n" : text(i), origin: i, moved });
    }
    if (sentence.after !== null) out.push({ text: text(sentence.after), origin: sentence.after, moved });
    if (op === "add") {
      if (sentence.after === null) fresh(" ");
      fresh(freshSentence());
      if (sentence.after !== null) fresh(" ");
    }
  };
  const emitParagraph = (index: number, moved: boolean) => {
    const paragraph = paragraphs[index];
    for (let i = paragraph.from; i < (paragraph.sentences[0]?.from ?? paragraph.to); i++)
      out.push({ text: text(i), origin: i, moved });
    for (const sentence of paragraph.sentences) emitSentence(sentence, moved);
  };
  for (let p = 0; p < paragraphs.length; p++) {
    if (!movedAway.has(p)) emitParagraph(p, false);
    for (const from of movedTo.get(p) ?? []) {
      out.push({ text: "\n\n", origin: -2, moved: false });
      emitParagraph(from, true);
    }
    const breakToken = paragraphs[p].breakToken;
    if (breakToken !== null && !movedAway.has(p))
      out.push({ text: text(breakToken), origin: breakToken, moved: false });
    else if (breakToken !== null) out.push({ text: "", origin: -2, moved: false });
  }

  const newIndex = new Int32Array(count).fill(-1);
  const newStarts: number[] = [];
  let length = 0;
  out.forEach((token, index) => {
    newStarts.push(length);
    length += token.text.length;
    if (token.origin >= 0) newIndex[token.origin] = index;
  });
  newStarts.push(length);
  const newText = out.map((token) => token.text).join("");
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokens.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    newText,
    crossed: (offset) => jumped.some(([from, to]) => offset >= from && offset <= to),
    deleted: [...ops].filter(([, op]) => op === "delete").map(([s]) => [tokens.starts[s.from], tokens.starts[s.to]]),
    carry(start, end) {
      const first = tokenAt(start);
      const last = tokenAt(end - 1);
      const at = newIndex[first];
      if (at < 0) return null;
      for (let i = first; i <= last; i++) {
        const j = at + (i - first);
        if (newIndex[i] !== j) return null;
        if (out[j].text !== text(i) && tokens.kinds[i] !== Kind.Space && tokens.kinds[i] !== Kind.Break) return null;
      }
      const endAt = at + (last - first);
      const within = (offset: number, i: number, j: number) =>
        newStarts[j] + Math.min(offset - tokens.starts[i], out[j].text.length);
      return { start: within(start, first, at), end: within(end, last, endAt), moved: out[at].moved };
    },
  };
}

/** Every sentence of a text as [start, end) offsets, cut as the edit script cuts them. */
export function sentenceSpans(text: string): [number, number][] {
  const tokens = tokenize(text);
  const at = (i: number) => tokens.starts[i];
  return parse(tokens, (i) => text.slice(at(i), at(i + 1))).flatMap((p) =>
    p.sentences.map((s): [number, number] => [at(s.from), at(s.to)]),
  );
}

/** A figure corrected (its digits changed) or a word replaced by a different one. */
function correction(word: string, replacement: string, int: (n: number) => number): string {
  if (/^\d+$/u.test(word)) {
    const changed = String((Number(word) + 1 + int(9)) % 10 ** word.length).padStart(word.length, "1");
    return changed === word ? `${word}1` : changed;
  }
  return replacement.toLowerCase() === word.toLowerCase() ? `${replacement}s` : replacement;
}

/** Paragraphs (split at line-break runs) and their sentences (ending at . ! ? before a space or the paragraph end). */
function parse(tokens: ReturnType<typeof tokenize>, text: (i: number) => string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const count = tokens.keys.length;
  let from = 0;
  for (let i = 0; i <= count; i++) {
    if (i < count && tokens.kinds[i] !== Kind.Break) continue;
    const sentences: Sentence[] = [];
    let start = from;
    while (start < i && tokens.kinds[start] === Kind.Space) start++;
    for (let k = start; k < i; k++) {
      const end = /^[.!?]$/u.test(text(k)) && (k + 1 === i || tokens.kinds[k + 1] === Kind.Space);
      if (!end && k + 1 < i) continue;
      const after = k + 1 < i ? k + 1 : null;
      sentences.push({ from: start, to: k + 1, after });
      start = after === null ? i : after + 1;
      k = start - 1;
    }
    paragraphs.push({ from, to: i, sentences, breakToken: i < count ? i : null });
    from = i + 1;
  }
  return paragraphs;
}

/** One side of a diff: equal + delete is the old text, equal + insert the new one. */
export function sideOf(
  ops: readonly { op: "equal" | "insert" | "delete"; text: string }[],
  side: "old" | "new",
): string {
  const skip = side === "old" ? "insert" : "delete";
  return ops
    .filter((o) => o.op !== skip)
    .map((o) => o.text)
    .join("");
}
