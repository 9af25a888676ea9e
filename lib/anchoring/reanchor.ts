import { type Alignment, alignRevisions, type Piece } from "./revision-diff";
import { exactPlacement, fuzzyPlacement, type Placement } from "./suggest";
import { Kind, lowerBound, squash, STOP_WORDS, type Units } from "./tokens";

export type { Placement } from "./suggest";
export { suggestPlacement } from "./suggest";

export type CarrySpan = { id: string; start: number; end: number; quote: string; prefix: string; suffix: string };
export type Carried =
  | { id: string; status: "ANCHORED"; start: number; end: number; score: number }
  | { id: string; status: "CHANGED"; start: number; end: number; score: number }
  | { id: string; status: "ORPHANED"; score: number; suggestion: Placement | null };
export type DiffOp = { op: "equal" | "insert" | "delete"; text: string };

/**
 * Below this word-level similarity (Dice: 2·surviving words / (old words + new
 * words)) a partly changed span counts as rewritten beyond recognition. See
 * docs/decisions/023-reanchoring-across-revisions.md for the measurements.
 */
export const ORPHAN_BELOW = 0.5;
/** A quote found once, exactly, in moved (inserted) text with matching context. */
export const MOVED_SCORE = 0.95;
/** Every word may survive while punctuation changed ("said," → "said:"): still a change, so never the score of an exact mapping. */
const CHANGED_MAX = 0.99;
/** How far from an orphan's mapped position its suggestion is looked for (characters, each side). */
const SUGGEST_REACH = 1_000;
/** A replacement of at most this many words on each side is a correction (a figure, a name), not a rewrite. */
const CORRECTION_WORDS = 3;

/** The diff reanchor uses (also the workbench's diff view). Equal + delete rebuilds oldText; equal + insert rebuilds newText. */
export function diffRevisions(oldText: string, newText: string): DiffOp[] {
  const ops: DiffOp[] = [];
  const add = (op: DiffOp["op"], text: string) => {
    if (text === "") return;
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  for (const piece of alignRevisions(oldText, newText).pieces) {
    if (piece.kind === "EQUAL") add("equal", oldText.slice(piece.o0, piece.o1));
    else {
      add("delete", oldText.slice(piece.o0, piece.o1));
      add("insert", newText.slice(piece.n0, piece.n1));
    }
  }
  return ops;
}

/**
 * An orphan of an earlier revision, looked for in a new one: its exact words,
 * occurring once in the whole new text, with its context up to the paragraph
 * breaks. Nothing weaker: there is no diff from its own text to this one, so
 * only the words themselves can say it is back (a mistaken revision corrected,
 * a cut paragraph restored). Null when not found that way.
 */
export function findOrphanAgain(newText: string, span: CarrySpan): { start: number; end: number } | null {
  if (span.quote.trim() === "") return null;
  const first = newText.indexOf(span.quote);
  if (first < 0 || newText.indexOf(span.quote, first + 1) >= 0) return null;
  const end = first + span.quote.length;
  return contextMatches(newText, first, end, span) ? { start: first, end } : null;
}

/** Carries every span of oldText into newText; same order as `spans`. Pure, no I/O. */
export function reanchor(oldText: string, newText: string, spans: readonly CarrySpan[]): Carried[] {
  return reanchorAligned(oldText, newText, spans, alignRevisions(oldText, newText));
}

/** reanchor over a given alignment (the benchmark compares diff engines with it). */
export function reanchorAligned(
  oldText: string,
  newText: string,
  spans: readonly CarrySpan[],
  alignment: Alignment,
): Carried[] {
  const carrier = new Carrier(oldText, newText, alignment);
  return spans.map((span) => carrier.carry(span));
}

class Carrier {
  private readonly pieces: Piece[];
  private readonly oldWords: WordIndex;
  private readonly newWords: WordIndex;
  private inserted: ChangedText | null = null;
  private deleted: ChangedText | null = null;
  private readonly newUnits: Units;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    alignment: Alignment,
  ) {
    this.pieces = alignment.pieces;
    this.oldWords = wordIndex(alignment.oldUnits);
    this.newWords = wordIndex(alignment.newUnits);
    this.newUnits = alignment.newUnits;
  }

  carry(span: CarrySpan): Carried {
    const { id, start, end } = span;
    const valid =
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      end <= this.oldText.length &&
      start < end &&
      sameWords(this.oldText, start, end, span.quote);
    // Offsets that do not hold the quote: nothing to map from, and no move can be proven.
    if (!valid) return { id, status: "ORPHANED", score: 0, suggestion: this.suggestNear(span) };
    const first = firstPieceEndingAfter(this.pieces, start);
    const last = lastPieceStartingBefore(this.pieces, end);
    let changes = 0;
    for (let k = first; k <= last; k++) if (this.pieces[k].kind === "CHANGE") changes++;
    const newStart = this.mapStart(this.pieces[first], start);
    const newEnd = this.mapEnd(this.pieces[last], end);
    if (changes === 0 && sameWords(this.newText, newStart, newEnd, span.quote)) {
      return { id, status: "ANCHORED", start: newStart, end: newEnd, score: 1 };
    }
    // Its whole quote moved elsewhere: that beats coincidental words the diff kept where it stood (a paragraph
    // moved away and another moved in, both saying "the United States").
    return this.moved(span) ?? this.changed(span, first, last, newStart, newEnd);
  }

  /** Partly changed: on the new words if enough of the old ones survive, else an orphan. */
  private changed(span: CarrySpan, first: number, last: number, newStart: number, newEnd: number): Carried {
    let from = newStart;
    let to = newEnd;
    while (from < to && /\s/u.test(this.newText[from])) from++;
    while (to > from && /\s/u.test(this.newText[to - 1])) to--;
    if (from >= to) return this.orphan(span);
    let survivors = 0;
    let content = false;
    for (let k = first; k <= last; k++) {
      const piece = this.pieces[k];
      if (piece.kind === "CHANGE") continue;
      const lo = Math.max(span.start, piece.o0);
      const hi = Math.min(span.end, piece.o1);
      for (
        let w = lowerBound(this.oldWords.starts, lo);
        w < this.oldWords.starts.length && this.oldWords.starts[w] < hi;
        w++
      ) {
        survivors++;
        if (!STOP_WORDS.has(this.oldWords.key(w).toLowerCase())) content = true;
      }
    }
    const oldCount = countIn(this.oldWords.starts, span.start, span.end);
    const newCount = countIn(this.newWords.starts, from, to);
    if (oldCount === 0 || newCount === 0) return this.orphan(span);
    const similarity = (2 * survivors) / (oldCount + newCount);
    if (content && similarity >= ORPHAN_BELOW)
      return { id: span.id, status: "CHANGED", start: from, end: to, score: Math.min(CHANGED_MAX, round(similarity)) };
    const correction = this.correctionScore(first, last, survivors, oldCount, newCount);
    if (correction !== null) return { id: span.id, status: "CHANGED", start: from, end: to, score: correction };
    return this.orphan(span);
  }

  /**
   * A short span whose words were replaced by a short correction (a figure, a
   * name) with unchanged words on both sides: the diff locates it exactly, so
   * it is CHANGED, scored with one word of the unchanged context on each side.
   */
  private correctionScore(
    first: number,
    last: number,
    survivors: number,
    oldCount: number,
    newCount: number,
  ): number | null {
    let change = -1;
    for (let k = first; k <= last; k++) {
      if (this.pieces[k].kind !== "CHANGE") continue;
      if (change >= 0) return null;
      change = k;
    }
    const piece = this.pieces[change];
    if (change <= 0 || change >= this.pieces.length - 1) return null;
    if (countIn(this.oldWords.starts, piece.o0, piece.o1) > CORRECTION_WORDS) return null;
    if (countIn(this.newWords.starts, piece.n0, piece.n1) > CORRECTION_WORDS) return null;
    const before = this.pieces[change - 1];
    const after = this.pieces[change + 1];
    const contextBefore = Math.min(1, countIn(this.oldWords.starts, before.o0, before.o1));
    const contextAfter = Math.min(1, countIn(this.oldWords.starts, after.o0, after.o1));
    if (before.kind === "CHANGE" || after.kind === "CHANGE" || contextBefore + contextAfter < 2) return null;
    const context = contextBefore + contextAfter;
    return round((2 * (survivors + context)) / (oldCount + newCount + 2 * context));
  }

  /**
   * Deleted or rewritten. A move is accepted only when the quote occurs once in
   * the inserted text, with its context (clipped at paragraph breaks), and no
   * other deleted text holds it: then that deleted copy and that inserted copy
   * are the same words moved. Twins that stayed in place are equal text and
   * never searched; a copy that moved while this one was deleted makes two
   * deleted occurrences, and the span stays an orphan.
   */
  private orphan(span: CarrySpan): Carried {
    const moved = this.moved(span);
    if (moved) return moved;
    const found = this.insertedCopies(span);
    // A unique inserted copy that failed the checks is the likeliest place; else look where the span was.
    const likely =
      found.length === 1 ? exactPlacement(this.newText, span, found[0], found[0] + span.quote.length) : null;
    return { id: span.id, status: "ORPHANED", score: 0, suggestion: likely ?? this.suggestNear(span) };
  }

  /** Where the quote occurs in the inserted text (at most two: one is all a move may have). */
  private insertedCopies(span: CarrySpan): number[] {
    this.inserted ??= changedText(this.newText, this.pieces, "new");
    return this.inserted.find(span.quote, 2);
  }

  /** The span's words moved whole, by the rules above (orphan), or null. */
  private moved(span: CarrySpan): Carried | null {
    const found = this.insertedCopies(span);
    if (found.length !== 1 || !contextMatches(this.newText, found[0], found[0] + span.quote.length, span)) return null;
    this.deleted ??= changedText(this.oldText, this.pieces, "old");
    const sources = this.deleted.find(span.quote, 2);
    if (!sources.every((at) => at === span.start)) return null;
    return { id: span.id, status: "ANCHORED", start: found[0], end: found[0] + span.quote.length, score: MOVED_SCORE };
  }

  /**
   * For the tray: an exact occurrence, else the best fuzzy window, within
   * SUGGEST_REACH characters (a paragraph or two) of where the span's old position maps (where a
   * rewrite of its sentence would be). Local, so suggestions cost O(reach)
   * per orphan rather than the whole article; suggestPlacement searches the
   * whole text when the tray asks.
   */
  private suggestNear(span: CarrySpan): Placement | null {
    const offset = Math.min(Math.max(0, span.start), Math.max(0, this.oldText.length - 1));
    const near = this.pieces.length
      ? this.mapStart(this.pieces[firstPieceEndingAfter(this.pieces, offset)], offset)
      : 0;
    const from = Math.max(0, near - SUGGEST_REACH);
    const to = Math.min(this.newText.length, near + span.quote.length + SUGGEST_REACH);
    return (
      exactPlacement(this.newText, span, from, to) ??
      fuzzyPlacement(this.newText, this.newUnits, span.quote, [[from, to]])
    );
  }

  private mapStart(piece: Piece, offset: number): number {
    if (piece.kind === "CHANGE") return piece.n0;
    return piece.n0 + Math.min(offset - piece.o0, piece.n1 - piece.n0);
  }

  private mapEnd(piece: Piece, offset: number): number {
    if (piece.kind === "CHANGE" || offset === piece.o1) return piece.n1;
    return piece.n0 + Math.min(offset - piece.o0, piece.n1 - piece.n0);
  }
}

/** text[start, end) is the quote, modulo whitespace runs (the exact test first: it is the common case and allocates nothing). */
function sameWords(text: string, start: number, end: number, quote: string): boolean {
  if (end - start === quote.length && text.startsWith(quote, start)) return true;
  return squash(text.slice(start, end)) === squash(quote);
}

/** Offsets of the word units of a text (figures included), and each one's word on demand. */
type WordIndex = { starts: Int32Array; key(w: number): string };

function wordIndex(units: Units): WordIndex {
  const at = new Int32Array(units.count);
  let count = 0;
  for (let u = 0; u < units.count; u++) if (units.kinds[u] === Kind.Word) at[count++] = u;
  const starts = new Int32Array(count);
  for (let w = 0; w < count; w++) starts[w] = units.starts[at[w]];
  return { starts, key: (w) => units.key(at[w]) };
}

/** One side of every change, searchable as one string (NUL between runs so no match spans two). */
type ChangedText = {
  /** Offsets (in the whole text) of the occurrences of `quote` inside this side's changed text, at most `limit`. */
  find(quote: string, limit: number): number[];
};

function changedText(text: string, pieces: readonly Piece[], side: "old" | "new"): ChangedText {
  const runs: { at: number; from: number }[] = [];
  let joined = "";
  for (const piece of pieces) {
    const [from, to] = side === "old" ? [piece.o0, piece.o1] : [piece.n0, piece.n1];
    if (piece.kind !== "CHANGE" || to === from) continue;
    runs.push({ at: joined.length, from });
    joined += text.slice(from, to) + "\u0000";
  }
  const starts = runs.map((run) => run.at);
  return {
    find(quote, limit) {
      const found: number[] = [];
      if (quote === "" || quote.includes("\u0000")) return found;
      for (let at = joined.indexOf(quote); at >= 0 && found.length < limit; at = joined.indexOf(quote, at + 1)) {
        const run = runs[lowerBound(starts, at + 1) - 1];
        found.push(run.from + (at - run.at));
      }
      return found;
    },
  };
}

/** Prefix and suffix agree up to the nearest paragraph break (a moved paragraph has new neighbours). */
function contextMatches(text: string, start: number, end: number, span: CarrySpan): boolean {
  const oldBefore = afterLastBreak(span.prefix);
  const newBefore = afterLastBreak(text.slice(Math.max(0, start - span.prefix.length), start));
  const oldAfter = beforeFirstBreak(span.suffix);
  const newAfter = beforeFirstBreak(text.slice(end, end + span.suffix.length));
  return collapse(oldBefore) === collapse(newBefore) && collapse(oldAfter) === collapse(newAfter);
}

const afterLastBreak = (text: string) => text.slice(Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r")) + 1);
function beforeFirstBreak(text: string) {
  const at = text.search(/[\n\r]/u);
  return at < 0 ? text : text.slice(0, at);
}
const collapse = (text: string) => text.replace(/\s+/gu, " ");

/** First piece whose old side ends after `offset` (the piece holding that character). */
function firstPieceEndingAfter(pieces: readonly Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].o1 > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last piece whose old side starts before `offset` (pure insertions at `offset` itself stay outside). */
function lastPieceStartingBefore(pieces: readonly Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].o0 < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const countIn = (starts: ArrayLike<number>, from: number, to: number) =>
  lowerBound(starts, to) - lowerBound(starts, from);
const round = (score: number) => Math.round(score * 1000) / 1000;
