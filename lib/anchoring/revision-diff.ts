import { diffCleanupSemanticLossless, diffMain, type Diff as DmpDiff } from "diff-match-patch-es";
import { diffUnits, Kind, STOP_WORDS, type Units } from "./tokens";

/**
 * One piece of the alignment of two revisions, in UTF-16 offsets of each text.
 * EQUAL: identical text. SPACE: whitespace that differs (re-flow, line
 * endings), which anchoring treats as equal. CHANGE: old text replaced by new
 * text (either side may be empty: a pure deletion or insertion).
 */
export type Piece = { kind: "EQUAL" | "SPACE" | "CHANGE"; o0: number; o1: number; n0: number; n1: number };

export type Alignment = { pieces: Piece[]; oldUnits: Units; newUnits: Units };

/**
 * The whole alignment gives up refining after this long (ms) and returns a
 * coarser but still valid diff: what it has not resolved by then is deleted
 * and inserted whole, so spans there become orphans (never misplaced ones).
 * Real revisions take milliseconds; only an unrelated text pasted as a
 * revision of a long article comes near it.
 */
const BUDGET_MS = 500;

/**
 * A sequence diff over strings whose every UTF-16 unit stands for one line or
 * one word: [op, units] runs, op -1 delete, 0 equal, 1 insert, done by
 * `deadline` (a Date.now() time). The default is diff-match-patch's (chosen in
 * docs/decisions/023); the benchmark swaps in jsdiff's to compare them.
 */
export type Engine = (a: string, b: string, deadline: number) => [-1 | 0 | 1, number][];
type Diff = (a: string, b: string) => [-1 | 0 | 1, number][];

// checklines false: these strings are codes, not text with line breaks.
export const dmpEngine: Engine = (a, b, deadline) =>
  diffMain(a, b, { diffTimeout: 1 }, false, deadline).map(([op, chars]) => [op, chars.length]);

/**
 * Two-level diff: lines first (each distinct line one character, the
 * diff-match-patch "lines to chars" trick, anchored on unique lines), then
 * words inside each changed run
 * of lines, with a semantic cleanup for words (dropCoincidences) so a lone
 * coincidental equality ("the", "of a") inside a rewritten sentence is not
 * taken for a survival.
 */
export function alignRevisions(oldText: string, newText: string, engine: Engine = dmpEngine): Alignment {
  const deadline = Date.now() + BUDGET_MS;
  const oldUnits = diffUnits(oldText);
  const newUnits = diffUnits(newText);
  const oldLines = lineStarts(oldUnits);
  const newLines = lineStarts(newUnits);
  const lineCodes = new Codes();
  const a = lineCodes.encode(lineKeys(oldText, oldUnits, oldLines));
  const b = lineCodes.encode(lineKeys(newText, newUnits, newLines));
  const builder = new PieceBuilder(oldText, newText, oldUnits, newUnits);
  const words = (o0: number, o1: number, n0: number, n1: number) =>
    wordDiff(builder, (x, y) => engine(x, y, deadline), o0, o1, n0, n1);

  let oldLine = 0;
  let newLine = 0;
  let pendingOld = 0;
  let pendingNew = 0;
  const flushChanged = () => {
    if (pendingOld < oldLine || pendingNew < newLine)
      words(oldLines[pendingOld], oldLines[oldLine], newLines[pendingNew], newLines[newLine]);
  };
  for (const [op, length] of anchored(a, b, (x, y) => engine(x, y, deadline))) {
    if (op === 0) {
      flushChanged();
      for (let k = 0; k < length; k++, oldLine++, newLine++) {
        const [o0, o1, n0, n1] = [oldLines[oldLine], oldLines[oldLine + 1], newLines[newLine], newLines[newLine + 1]];
        // Equal codes are equal lines unless the code table overflowed; then the words decide.
        if (lineCodes.overflowed) words(o0, o1, n0, n1);
        else builder.sameUnits(o0, o1, n0, n1);
      }
      pendingOld = oldLine;
      pendingNew = newLine;
    } else if (op === -1) oldLine += length;
    else newLine += length;
  }
  flushChanged();
  slideToBoundaries(builder.pieces, oldText, newText);
  return { pieces: builder.pieces, oldUnits, newUnits };
}

/** How far an edit may slide when looking for its best place: a sentence or two either way. */
const SLIDE_WINDOW = 400;

/**
 * A deleted (or inserted) stretch between two equal ones can often sit in
 * several places with the same cost: deleting "“The current situation … said.
 * “The " before "high priority" is as short as deleting "“The current
 * situation … said. " before "“The high priority". The diff picks one
 * arbitrarily, and the wrong one takes the first words of the next sentence
 * into the edit, so an annotation on that untouched sentence would come out
 * CHANGED. Each such edit is slid to where its edges fall on the best
 * boundaries (blank line, line break, end of sentence, space: diff-match-patch's
 * own semantic lossless cleanup), as a person reading the change would place it.
 */
function slideToBoundaries(pieces: Piece[], oldText: string, newText: string): void {
  for (let i = 1; i + 1 < pieces.length; i++) {
    const [left, edit, right] = [pieces[i - 1], pieces[i], pieces[i + 1]];
    if (edit.kind !== "CHANGE" || left.kind !== "EQUAL" || right.kind !== "EQUAL") continue;
    const deletion = edit.n0 === edit.n1;
    if (!deletion && edit.o0 !== edit.o1) continue;
    // Equal pieces hold the same text in both revisions; the edit's own text is on its side.
    const text = deletion ? oldText : newText;
    const [e0, e1] = deletion ? [edit.o0, edit.o1] : [edit.n0, edit.n1];
    const [l0, r1] = deletion ? [left.o0, right.o1] : [left.n0, right.n1];
    const from = Math.max(l0, e0 - SLIDE_WINDOW);
    const to = Math.min(r1, e1 + SLIDE_WINDOW);
    const op = deletion ? -1 : 1;
    const diffs: DmpDiff[] = [
      [0, text.slice(from, e0)],
      [op, text.slice(e0, e1)],
      [0, text.slice(e1, to)],
    ];
    diffCleanupSemanticLossless(diffs);
    const before = diffs[0][0] === 0 ? diffs[0][1].length : 0;
    const shift = from + before - e0;
    if (shift === 0) continue;
    // An edge may not split a surrogate pair (offsets stay on whole characters).
    if (isLowSurrogate(text.charCodeAt(e0 + shift)) || isLowSurrogate(text.charCodeAt(e1 + shift))) continue;
    left.o1 += shift;
    left.n1 += shift;
    edit.o0 += shift;
    edit.n0 += shift;
    if (deletion) edit.o1 += shift;
    else edit.n1 += shift;
    edit.o1 = deletion ? edit.o1 : edit.o0;
    edit.n1 = deletion ? edit.n0 : edit.n1;
    right.o0 += shift;
    right.n0 += shift;
  }
  // A slide may empty an equal piece: drop it, and join the pieces it separated when they are of one kind.
  for (let i = pieces.length - 1; i >= 0; i--)
    if (pieces[i].o0 === pieces[i].o1 && pieces[i].n0 === pieces[i].n1) pieces.splice(i, 1);
  for (let i = pieces.length - 1; i > 0; i--) {
    const [before, after] = [pieces[i - 1], pieces[i]];
    if (before.kind === after.kind && after.kind !== "SPACE" && before.o1 === after.o0 && before.n1 === after.n0) {
      before.o1 = after.o1;
      before.n1 = after.n1;
      pieces.splice(i, 1);
    }
  }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Patience-style anchoring for the line level: lines that occur exactly once
 * in each text, kept in the longest run that is in the same order in both
 * (patience sorting, O(k log k)), are equal for certain; the engine only
 * diffs the short stretches between them. A plain Myers diff costs O(N·D),
 * and a revision that edits 5 % of a text twice as long has twice the edits:
 * quadratic growth, which this keeps linear. A moved paragraph is unique but
 * out of order, so it stays outside the run: deleted in one place, inserted
 * in the other, as the move search expects.
 */
function anchored(a: string, b: string, engine: Diff): [-1 | 0 | 1, number][] {
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  const whereB = new Map<number, number>();
  for (let i = 0; i < a.length; i++) countA.set(a.charCodeAt(i), (countA.get(a.charCodeAt(i)) ?? 0) + 1);
  for (let j = 0; j < b.length; j++) {
    const code = b.charCodeAt(j);
    countB.set(code, (countB.get(code) ?? 0) + 1);
    whereB.set(code, j);
  }
  // Candidates in old order; their new positions' longest increasing subsequence is the anchor run.
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (countA.get(code) === 1 && countB.get(code) === 1) pairs.push([i, whereB.get(code) ?? 0]);
  }
  const out: [-1 | 0 | 1, number][] = [];
  const add = (op: -1 | 0 | 1, length: number) => {
    if (length === 0) return;
    const last = out.at(-1);
    if (last && last[0] === op) last[1] += length;
    else out.push([op, length]);
  };
  let i = 0;
  let j = 0;
  for (const [ai, bj] of increasingRun(pairs)) {
    for (const [op, length] of i < ai || j < bj ? engine(a.slice(i, ai), b.slice(j, bj)) : []) add(op, length);
    add(0, 1);
    [i, j] = [ai + 1, bj + 1];
  }
  for (const [op, length] of i < a.length || j < b.length ? engine(a.slice(i), b.slice(j)) : []) add(op, length);
  return out;
}

/** Longest subsequence of `pairs` (sorted by their first member) whose second members increase. */
function increasingRun(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each run length
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const run: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) run.push(pairs[k]);
  return run.reverse();
}

/** Unit index where each line starts (after a unit whose whitespace holds a line break), plus the end. */
function lineStarts(units: Units): number[] {
  const starts = [0];
  for (let i = 0; i + 1 < units.count; i++) if (units.breaks[i]) starts.push(i + 1);
  starts.push(units.count);
  return starts;
}

/**
 * A line's text without the whitespace after it: equal keys, equal unit keys.
 * Whitespace inside is kept (collapsing it cost a regex pass over the whole
 * text): a re-flowed line goes to the word level, where whitespace is no change.
 */
function lineKeys(text: string, units: Units, lines: number[]): string[] {
  const keys: string[] = [];
  for (let l = 0; l + 1 < lines.length; l++) {
    const first = lines[l];
    const last = lines[l + 1] - 1;
    keys.push(last < first ? "" : text.slice(units.starts[first], units.coreEnds[last]));
  }
  return keys;
}

/**
 * Each distinct key as one UTF-16 unit (surrogates skipped so no two units
 * pair up). Past 63,486 distinct keys the rest share the last code: the diff
 * may then call unequal things equal, so `overflowed` asks for a re-check.
 */
class Codes {
  private readonly table = new Map<string, number>();
  overflowed = false;

  encode(keys: readonly string[]): string {
    const codes = new Uint16Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      let code = this.table.get(keys[i]);
      if (code === undefined) {
        const next = this.table.size + 1;
        code = next >= 0xd800 ? next + 0x800 : next;
        if (code >= 0xffff) {
          code = 0xffff;
          this.overflowed = true;
        }
        this.table.set(keys[i], code);
      }
      codes[i] = code;
    }
    return DECODER.decode(codes);
  }
}

const DECODER = new TextDecoder("utf-16le", { ignoreBOM: true });

/** Word-level diff of old units [o0, o1) against new units [n0, n1), appended to the builder. */
function wordDiff(builder: PieceBuilder, engine: Diff, o0: number, o1: number, n0: number, n1: number) {
  if (o0 === o1 || n0 === n1) return builder.change(o0, o1, n0, n1);
  const codes = new Codes();
  const a = codes.encode(keysOf(builder.oldUnits, o0, o1));
  const b = codes.encode(keysOf(builder.newUnits, n0, n1));
  const diffs: [-1 | 0 | 1, number][] = a === b ? [[0, a.length]] : engine(a, b);
  let i = o0;
  let j = n0;
  for (const run of dropCoincidences(diffs, builder.oldUnits, o0)) {
    if (!run.equal) builder.change(i, i + run.old, j, j + run.new);
    else if (codes.overflowed) for (let k = 0; k < run.old; k++) builder.checkedUnit(i + k, j + k);
    else builder.sameUnits(i, i + run.old, j, j + run.new);
    i += run.old;
    j += run.new;
  }
}

function keysOf(units: Units, from: number, to: number): string[] {
  const keys: string[] = [];
  for (let u = from; u < to; u++) keys.push(units.key(u));
  return keys;
}

type Run = { equal: boolean; old: number; new: number };

/**
 * Semantic cleanup for words: an equality between two edits that is no longer
 * than the edit on either side (diff-match-patch's rule) and holds at most one
 * content word ("the", "of a", "said") is a coincidence inside a rewrite, so it
 * joins the edit. An equality with two content words or more ("Zhao said.",
 * "rose 20%") is a survival and stays, however long the edits around it.
 * Repeats until stable; every pass is linear.
 */
function dropCoincidences(diffs: [-1 | 0 | 1, number][], units: Units, o0: number): Run[] {
  let runs = merge(
    diffs.map(([op, length]): Run => ({ equal: op === 0, old: op === 1 ? 0 : length, new: op === -1 ? 0 : length })),
  );
  for (let changed = true; changed;) {
    changed = false;
    let at = o0;
    for (let k = 0; k < runs.length; k++) {
      const run = runs[k];
      if (run.equal && k > 0 && k + 1 < runs.length) {
        const before = Math.max(runs[k - 1].old, runs[k - 1].new);
        const after = Math.max(runs[k + 1].old, runs[k + 1].new);
        if (run.old <= before && run.old <= after && contentWords(units, at, at + run.old) <= 1) {
          run.equal = false;
          changed = true;
        }
      }
      at += run.old;
    }
    if (changed) runs = merge(runs);
  }
  return runs;
}

/** Adjacent runs of the same kind as one (an edit's old units, then its new ones: both sides stay contiguous). */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && last.equal === run.equal) {
      last.old += run.old;
      last.new += run.new;
    } else out.push({ ...run });
  }
  return out;
}

function contentWords(units: Units, from: number, to: number): number {
  let count = 0;
  for (let u = from; u < to; u++)
    if (units.kinds[u] === Kind.Word && !STOP_WORDS.has(units.key(u).toLowerCase())) count++;
  return count;
}

/** Turns unit-level results into merged character pieces. */
class PieceBuilder {
  readonly pieces: Piece[] = [];
  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    readonly oldUnits: Units,
    readonly newUnits: Units,
  ) {}

  /** Old units [o0, o1) have the same keys as new units [n0, n1): one piece when the texts are identical too. */
  sameUnits(o0: number, o1: number, n0: number, n1: number) {
    const [a0, a1, b0, b1] = [
      this.oldUnits.starts[o0],
      this.oldUnits.starts[o1],
      this.newUnits.starts[n0],
      this.newUnits.starts[n1],
    ];
    if (a1 - a0 === b1 - b0 && this.oldText.slice(a0, a1) === this.newText.slice(b0, b1))
      return this.push("EQUAL", a0, a1, b0, b1);
    for (let k = 0; k < o1 - o0; k++) this.unit(o0 + k, n0 + k);
  }

  /** After an overflowed code table: units the diff called equal may not be. */
  checkedUnit(i: number, j: number) {
    if (this.oldUnits.key(i) === this.newUnits.key(j)) this.unit(i, j);
    else this.change(i, i + 1, j, j + 1);
  }

  /** Old units [i0, i1) replaced by new units [j0, j1). */
  change(i0: number, i1: number, j0: number, j1: number) {
    if (i0 === i1 && j0 === j1) return;
    this.push(
      "CHANGE",
      this.oldUnits.starts[i0],
      this.oldUnits.starts[i1],
      this.newUnits.starts[j0],
      this.newUnits.starts[j1],
    );
  }

  /** Old unit i and new unit j have equal words; the whitespace after them may differ. */
  private unit(i: number, j: number) {
    const [o0, oc, o1] = [this.oldUnits.starts[i], this.oldUnits.coreEnds[i], this.oldUnits.starts[i + 1]];
    const [n0, nc, n1] = [this.newUnits.starts[j], this.newUnits.coreEnds[j], this.newUnits.starts[j + 1]];
    if (oc > o0) this.push("EQUAL", o0, oc, n0, nc);
    if (o1 === oc && n1 === nc) return;
    const same = o1 - oc === n1 - nc && this.oldText.startsWith(this.newText.slice(nc, n1), oc);
    this.push(same ? "EQUAL" : "SPACE", oc, o1, nc, n1);
  }

  private push(kind: Piece["kind"], o0: number, o1: number, n0: number, n1: number) {
    const last = this.pieces.at(-1);
    if (last && last.kind === kind && kind !== "SPACE" && last.o1 === o0 && last.n1 === n0) {
      last.o1 = o1;
      last.n1 = n1;
      return;
    }
    this.pieces.push({ kind, o0, o1, n0, n1 });
  }
}
