import { type Diff, diffCleanupSemantic, diffMain } from "diff-match-patch-es";
import { Kind, tokenize, type Tokens } from "./tokens";

/**
 * One piece of the alignment of two revisions, in UTF-16 offsets of each text.
 * EQUAL: identical text. SPACE: a whitespace run on both sides that differs
 * (re-flow, line endings), which anchoring treats as equal. CHANGE: old text
 * replaced by new text (either side may be empty: a pure deletion/insertion).
 */
export type Piece = { kind: "EQUAL" | "SPACE" | "CHANGE"; o0: number; o1: number; n0: number; n1: number };

export type Alignment = { pieces: Piece[]; oldTokens: Tokens; newTokens: Tokens };

/** Level 1 gives up refining after this long (ms) and returns a coarser but still valid diff. */
const TIMEOUT_SECONDS = 2;

/**
 * Two-level token diff: lines first (each distinct line one character, the
 * diff-match-patch "lines to chars" trick), then words inside each changed run
 * of lines, with semantic cleanup so a lone coincidental equality ("the",
 * a space) inside a rewritten sentence is not taken for a survival.
 */
export function alignRevisions(oldText: string, newText: string): Alignment {
  const oldTokens = tokenize(oldText);
  const newTokens = tokenize(newText);
  const oldLines = lineStarts(oldTokens);
  const newLines = lineStarts(newTokens);
  const lineKeys = new Map<string, number>();
  const a = encode(lineKeysOf(oldTokens, oldLines), lineKeys);
  const b = encode(lineKeysOf(newTokens, newLines), lineKeys);
  const lineDiff = diffMain(a, b, { diffTimeout: TIMEOUT_SECONDS });

  const builder = new PieceBuilder(oldText, newText, oldTokens, newTokens);
  let oldLine = 0;
  let newLine = 0;
  let pendingOld = oldLine;
  let pendingNew = newLine;
  const flushChanged = () => {
    if (pendingOld === oldLine && pendingNew === newLine) return;
    wordDiff(builder, oldTokens, newTokens, oldLines[pendingOld], oldLines[oldLine], newLines[pendingNew], newLines[newLine]);
  };
  for (const [op, chars] of lineDiff) {
    if (op === 0) {
      flushChanged();
      for (let k = 0; k < chars.length; k++) {
        equalLine(builder, oldTokens, newTokens, oldLines[oldLine], oldLines[oldLine + 1], newLines[newLine], newLines[newLine + 1]);
        oldLine++;
        newLine++;
      }
      pendingOld = oldLine;
      pendingNew = newLine;
    } else if (op === -1) oldLine += chars.length;
    else newLine += chars.length;
  }
  flushChanged();
  return { pieces: builder.done(), oldTokens, newTokens };
}

/** Token index where each line starts (a line ends after a whitespace run holding a line break), plus the end. */
function lineStarts(tokens: Tokens): number[] {
  const count = tokens.keys.length;
  const starts = [0];
  for (let i = 0; i < count; i++) {
    if (tokens.kinds[i] === Kind.Break && i + 1 < count) starts.push(i + 1);
  }
  starts.push(count);
  return starts;
}

function lineKeysOf(tokens: Tokens, lines: number[]): string[] {
  const keys: string[] = [];
  for (let l = 0; l + 1 < lines.length; l++) {
    // Without its closing line break, so the last line (which has none) matches the same line elsewhere.
    let end = lines[l + 1];
    if (end > lines[l] && tokens.kinds[end - 1] === Kind.Break) end--;
    keys.push(tokens.keys.slice(lines[l], end).join(""));
  }
  return keys;
}

/**
 * Each distinct key as one UTF-16 unit (surrogates skipped so no unit pairs
 * up with its neighbour). Past 63,486 distinct keys the rest share the last
 * code: the diff may then call unequal things equal, which the piece builder
 * re-checks token by token.
 */
const LAST_CODE = 0xffff;
function encode(keys: readonly string[], table: Map<string, number>): string {
  const units: number[] = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let code = table.get(keys[i]);
    if (code === undefined) {
      code = Math.min(LAST_CODE, table.size + 1 + (table.size + 1 >= 0xd800 ? 0x800 : 0));
      table.set(keys[i], code);
    }
    units[i] = code;
  }
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

/** Equal line codes mean equal keys unless the code table overflowed; then the words decide. */
function equalLine(builder: PieceBuilder, oldTokens: Tokens, newTokens: Tokens, o0: number, o1: number, n0: number, n1: number) {
  let same = o1 - o0 === n1 - n0;
  for (let k = 0; same && k < o1 - o0; k++) same = oldTokens.keys[o0 + k] === newTokens.keys[n0 + k];
  if (!same) return wordDiff(builder, oldTokens, newTokens, o0, o1, n0, n1);
  for (let k = 0; k < o1 - o0; k++) builder.token(o0 + k, n0 + k);
}

/** Word-level diff of old tokens [o0, o1) against new tokens [n0, n1), appended to the builder. */
function wordDiff(builder: PieceBuilder, oldTokens: Tokens, newTokens: Tokens, o0: number, o1: number, n0: number, n1: number) {
  if (o0 === o1 || n0 === n1) {
    builder.change(o0, o1, n0, n1);
    return;
  }
  const table = new Map<string, number>();
  const a = encode(oldTokens.keys.slice(o0, o1), table);
  const b = encode(newTokens.keys.slice(n0, n1), table);
  const diffs: Diff[] = a === b ? [[0, a]] : diffMain(a, b, { diffTimeout: TIMEOUT_SECONDS });
  if (a !== b) diffCleanupSemantic(diffs);
  let i = o0;
  let j = n0;
  for (const [op, chars] of diffs) {
    const n = chars.length;
    if (op === 0) {
      for (let k = 0; k < n; k++) builder.token(i + k, j + k);
      i += n;
      j += n;
    } else if (op === -1) {
      builder.change(i, i + n, j, j);
      i += n;
    } else {
      builder.change(i, i, j, j + n);
      j += n;
    }
  }
}

/** Turns token-level results into merged character pieces. */
class PieceBuilder {
  private readonly pieces: Piece[] = [];
  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    private readonly oldTokens: Tokens,
    private readonly newTokens: Tokens,
  ) {}

  /** Old token i aligned with new token j. */
  token(i: number, j: number) {
    const o0 = this.oldTokens.starts[i];
    const o1 = this.oldTokens.starts[i + 1];
    const n0 = this.newTokens.starts[j];
    const n1 = this.newTokens.starts[j + 1];
    if (this.oldTokens.keys[i] !== this.newTokens.keys[j]) return this.push("CHANGE", o0, o1, n0, n1);
    const same = o1 - o0 === n1 - n0 && this.oldText.startsWith(this.newText.slice(n0, n1), o0);
    this.push(same ? "EQUAL" : "SPACE", o0, o1, n0, n1);
  }

  /** Old tokens [i0, i1) replaced by new tokens [j0, j1). */
  change(i0: number, i1: number, j0: number, j1: number) {
    if (i0 === i1 && j0 === j1) return;
    this.push("CHANGE", this.oldTokens.starts[i0], this.oldTokens.starts[i1], this.newTokens.starts[j0], this.newTokens.starts[j1]);
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

  done() {
    return this.pieces;
  }
}
