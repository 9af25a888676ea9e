import { type Alignment, alignRevisions, type Piece } from "./revision-diff";
import { type Placement, suggestPlacement } from "./suggest";
import { Kind, squash } from "./tokens";

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

/** Carries every span of oldText into newText; same order as `spans`. Pure, no I/O. */
export function reanchor(oldText: string, newText: string, spans: readonly CarrySpan[]): Carried[] {
  const carrier = new Carrier(oldText, newText, alignRevisions(oldText, newText));
  return spans.map((span) => carrier.carry(span));
}

class Carrier {
  private readonly pieces: Piece[];
  private readonly oldWords: WordIndex;
  private readonly newWords: WordIndex;
  private moved: MovedText | null = null;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    alignment: Alignment,
  ) {
    this.pieces = alignment.pieces;
    this.oldWords = wordIndex(oldText, alignment.oldTokens);
    this.newWords = wordIndex(newText, alignment.newTokens);
  }

  carry(span: CarrySpan): Carried {
    const { id, start, end } = span;
    const valid =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= this.oldText.length && start < end &&
      squash(this.oldText.slice(start, end)) === squash(span.quote);
    if (!valid) return this.orphan(span);
    const first = firstPieceEndingAfter(this.pieces, start);
    const last = lastPieceStartingBefore(this.pieces, end);
    let changes = 0;
    for (let k = first; k <= last; k++) if (this.pieces[k].kind === "CHANGE") changes++;
    const newStart = this.mapStart(this.pieces[first], start);
    const newEnd = this.mapEnd(this.pieces[last], end);
    if (changes === 0 && squash(this.newText.slice(newStart, newEnd)) === squash(span.quote)) {
      return { id, status: "ANCHORED", start: newStart, end: newEnd, score: 1 };
    }
    return this.changed(span, first, last, newStart, newEnd);
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
      for (let w = lowerBound(this.oldWords.starts, lo); w < this.oldWords.starts.length && this.oldWords.starts[w] < hi; w++) {
        survivors++;
        if (!STOP_WORDS.has(this.oldWords.keys[w].toLowerCase())) content = true;
      }
    }
    const oldCount = countIn(this.oldWords.starts, span.start, span.end);
    const newCount = countIn(this.newWords.starts, from, to);
    if (oldCount === 0 || newCount === 0) return this.orphan(span);
    const similarity = (2 * survivors) / (oldCount + newCount);
    if (content && similarity >= ORPHAN_BELOW) return { id: span.id, status: "CHANGED", start: from, end: to, score: round(similarity) };
    const correction = this.correctionScore(first, last, survivors, oldCount, newCount);
    if (correction !== null) return { id: span.id, status: "CHANGED", start: from, end: to, score: correction };
    return this.orphan(span);
  }

  /**
   * A short span whose words were replaced by a short correction (a figure, a
   * name) with unchanged words on both sides: the diff locates it exactly, so
   * it is CHANGED, scored with one word of the unchanged context on each side.
   */
  private correctionScore(first: number, last: number, survivors: number, oldCount: number, newCount: number): number | null {
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

  /** Deleted or rewritten: a unique exact match (quote and paragraph-clipped context) in the inserted text is a move. */
  private orphan(span: CarrySpan): Carried {
    const moved = (this.moved ??= movedText(this.newText, this.pieces));
    const at = moved.findUnique(span.quote);
    if (at !== null && contextMatches(this.newText, at, at + span.quote.length, span)) {
      return { id: span.id, status: "ANCHORED", start: at, end: at + span.quote.length, score: MOVED_SCORE };
    }
    return { id: span.id, status: "ORPHANED", score: 0, suggestion: suggestPlacement(this.newText, span) };
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

type WordIndex = { starts: number[]; keys: string[] };

function wordIndex(text: string, tokens: Alignment["oldTokens"]): WordIndex {
  const starts: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i < tokens.kinds.length; i++) {
    if (tokens.kinds[i] !== Kind.Word) continue;
    starts.push(tokens.starts[i]);
    keys.push(tokens.keys[i]);
  }
  return { starts, keys };
}

type MovedText = { findUnique(quote: string): number | null };

/** The inserted side of every change, searchable as one string (NUL between runs so no match spans two). */
function movedText(newText: string, pieces: readonly Piece[]): MovedText {
  const runs: { at: number; n0: number }[] = [];
  let joined = "";
  for (const piece of pieces) {
    if (piece.kind !== "CHANGE" || piece.n1 === piece.n0) continue;
    runs.push({ at: joined.length, n0: piece.n0 });
    joined += newText.slice(piece.n0, piece.n1) + "\u0000";
  }
  const starts = runs.map((run) => run.at);
  return {
    findUnique(quote) {
      if (quote === "" || quote.includes("\u0000")) return null;
      const at = joined.indexOf(quote);
      if (at < 0 || joined.indexOf(quote, at + 1) >= 0) return null;
      const run = runs[lowerBound(starts, at + 1) - 1];
      return run.n0 + (at - run.at);
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

/** First index whose value is ≥ target. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const countIn = (starts: readonly number[], from: number, to: number) => lowerBound(starts, to) - lowerBound(starts, from);
const round = (score: number) => Math.round(score * 1000) / 1000;

/** Words whose survival alone does not make a span recognisable. */
const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with as into onto over under about after before than then " +
    "that this these those there here it its is are was were be been being has have had do does did will would shall should " +
    "can could may might must not no he she they we you i his her their our your my him them us me who whom which what when " +
    "where why how all any some each also just only very more most s t"
  ).split(" "),
);
