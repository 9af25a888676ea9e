/**
 * Revisions benchmark (#16): re-anchoring 2,000 annotations across a revision
 * of a 50,000-word article that edits 5 % of its sentences and moves one
 * paragraph in 200, at 1×, 2× and 4×. Prints the diff alone (the two-level
 * word diff re-anchoring uses, tokenising included), the whole re-anchoring in memory (diff +
 * mapping), their ratio and µs per 1,000 words (flat = linear growth). Then,
 * at 1×, the diff engines compared in docs/decisions/023: time, and quality
 * against the edit script's own record of where every old character went.
 * Medians after warm-up. Last, the whole `POST …/revisions` minus HTTP (the
 * use case with its reads, re-anchoring, writes and answer) on SQLite and
 * PostgreSQL from the same cases (timeAddRevision; BENCH_PROVIDERS to choose).
 */
import { performance } from "node:perf_hooks";
import { diffChars, diffWordsWithSpace } from "diff";
import { diffCleanupSemantic, diffMain } from "diff-match-patch-es";
import { type Carried, reanchorAligned } from "../../lib/anchoring/reanchor";
import { type Alignment, alignRevisions, dmpEngine, type Engine, type Piece } from "../../lib/anchoring/revision-diff";
import { diffUnits } from "../../lib/anchoring/tokens";
import { printTable } from "./lib/print-table";
import { DEFAULT_POSTGRES_BENCH_URL, postgresReachable } from "./lib/collab-setup";
import { makeRevisionCase, revisionCaseWithTruth } from "./lib/revision-case";
import { timeAddRevision } from "./lib/revision-request";

const TARGET_MS = 100;
const TARGET_RATIO = 2;
let sink = 0;

/**
 * Median and fastest ms of each task, the tasks interleaved run by run so a busy moment of the machine hits
 * them alike. The targets are judged on the fastest run: on this 2-core machine shared with other jobs the
 * medians move by ± 50 % from one run to the next, the fastest runs by a few per cent.
 */
function timings(tasks: (() => unknown)[], runs: number): { median: number; best: number }[] {
  for (let i = 0; i < 2; i++) for (const task of tasks) sink += task() ? 1 : 0;
  const times = tasks.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    tasks.forEach((task, t) => {
      const started = performance.now();
      sink += task() ? 1 : 0;
      times[t].push(performance.now() - started);
    });
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(runs / 2)], best: list[0] };
  });
}

const ms = (value: number) => value.toFixed(1);
const count = (results: Carried[], status: Carried["status"]) => results.filter((r) => r.status === status).length;

const rows: string[][] = [];
let failed = false;
let perWordAt1 = 0;
for (const scale of [1, 2, 4]) {
  const { oldText, newText, spans } = revisionCaseWithTruth(scale);
  const [diff, whole] = timings(
    [
      () => alignRevisions(oldText, newText),
      () => reanchorAligned(oldText, newText, spans, alignRevisions(oldText, newText)),
    ],
    Math.max(9, 41 / scale),
  );
  const results = reanchorAligned(oldText, newText, spans, alignRevisions(oldText, newText));
  const words = 50_000 * scale;
  const perWord = (whole.best / words) * 1000 * 1000;
  if (scale === 1) perWordAt1 = perWord;
  rows.push([
    `${scale}×`,
    `${words.toLocaleString("en")} / ${spans.length.toLocaleString("en")}`,
    `${ms(diff.median)} / ${ms(diff.best)}`,
    `${ms(whole.median)} / ${ms(whole.best)}`,
    `${(whole.median / diff.median).toFixed(2)} / ${(whole.best / diff.best).toFixed(2)}`,
    perWord.toFixed(0),
    (perWord / perWordAt1).toFixed(2),
    `${count(results, "ANCHORED")} / ${count(results, "CHANGED")} / ${count(results, "ORPHANED")}`,
  ]);
  if (whole.best / diff.best > TARGET_RATIO || (scale === 1 && whole.best > TARGET_MS)) failed = true;
}
printTable(
  `Re-anchoring in memory, ms as median / fastest (targets, on the fastest: ≤ ${TARGET_RATIO}× the diff alone, ≤ ${TARGET_MS} ms at 1×)`,
  [
    "size",
    "words / annotations",
    "diff alone",
    "re-anchoring",
    "ratio",
    "µs per 1k words (fastest)",
    "growth",
    "anchored / changed / orphaned",
  ],
  rows,
);

// ── Diff engines at 1× ──
const { oldText, newText, spans, carry, crossed } = revisionCaseWithTruth(1);

/** jsdiff's Myers diff on the same one-unit-per-line/word strings. */
const jsdiffEngine: Engine = (a, b) =>
  (diffChars(a, b) ?? []).map((change) => [change.added ? 1 : change.removed ? -1 : 0, change.value.length]);

/** Character-level pieces from a one-level diff (equal / delete / insert texts). */
function alignmentOf(changes: { op: -1 | 0 | 1; text: string }[]): Alignment {
  const pieces: Piece[] = [];
  let o = 0;
  let n = 0;
  for (const { op, text } of changes) {
    const [o1, n1] = [o + (op === 1 ? 0 : text.length), n + (op === -1 ? 0 : text.length)];
    const last = pieces.at(-1);
    const kind = op === 0 ? "EQUAL" : "CHANGE";
    if (last && last.kind === kind) Object.assign(last, { o1, n1 });
    else pieces.push({ kind, o0: o, o1, n0: n, n1 });
    [o, n] = [o1, n1];
  }
  return { pieces, oldUnits: diffUnits(oldText), newUnits: diffUnits(newText) };
}

const engines: [string, () => Alignment | null][] = [
  ["lines, then words; diff-match-patch-es (chosen)", () => alignRevisions(oldText, newText, dmpEngine)],
  ["lines, then words; jsdiff (diffChars on unit codes)", () => alignRevisions(oldText, newText, jsdiffEngine)],
  [
    "characters; diff-match-patch-es line mode + semantic cleanup",
    () => {
      const diffs = diffMain(oldText, newText, { diffTimeout: 2 }, true);
      diffCleanupSemantic(diffs);
      return alignmentOf(diffs.map(([op, text]) => ({ op, text })));
    },
  ],
  [
    "words with spaces, one level; jsdiff diffWordsWithSpace",
    () => {
      const changes = diffWordsWithSpace(oldText, newText, { timeout: 10_000 });
      if (!changes) return null;
      return alignmentOf(changes.map((c) => ({ op: c.added ? 1 : c.removed ? -1 : 0, text: c.value })));
    },
  ],
];

const engineRows: string[][] = [];
for (const [name, align] of engines) {
  const started = performance.now();
  const alignment = align();
  const first = performance.now() - started;
  if (!alignment) {
    engineRows.push([name, "> 10,000", "–", "–", "–"]);
    continue;
  }
  const time = first > 2_000 ? first : timings([align], 7)[0].median;
  const results = reanchorAligned(oldText, newText, spans, alignment);
  let survivors = 0;
  let kept = 0;
  let misplaced = 0;
  results.forEach((result, i) => {
    const truth = carry(spans[i].start, spans[i].end);
    const inPlace = truth && !truth.moved && !crossed(spans[i].start);
    if (inPlace) survivors++;
    if (result.status !== "ANCHORED") return;
    if (truth && result.start === truth.start && result.end === truth.end) {
      if (inPlace) kept++;
    } else misplaced++;
  });
  engineRows.push([
    name,
    ms(time),
    `${((kept / survivors) * 100).toFixed(2)} %`,
    String(misplaced),
    `${count(results, "ANCHORED")} / ${count(results, "CHANGED")} / ${count(results, "ORPHANED")}`,
  ]);
}
console.log("");
printTable(
  "Diff engines at 1× (time: the alignment alone, median ms; kept: untouched spans ANCHORED exactly; misplaced: ANCHORED off their words)",
  ["engine", "ms", "kept", "misplaced", "anchored / changed / orphaned"],
  engineRows,
);
// ── The whole request with its database writes ──
const REQUEST_TARGET_MS = 2_000;
const REQUEST_RUNS = 3;
const providers = (process.env.BENCH_PROVIDERS || "sqlite,postgresql").split(",").map((name) => name.trim());
const requestRows: string[][] = [];
for (const provider of providers) {
  if (provider !== "sqlite" && provider !== "postgresql") throw new Error(`unknown provider ${provider}`);
  if (provider === "postgresql") {
    const unreachable = await postgresReachable(process.env.POSTGRES_BENCH_URL || DEFAULT_POSTGRES_BENCH_URL);
    if (unreachable) {
      console.log(`\nPostgreSQL left out: ${unreachable}`);
      continue;
    }
  }
  let perWordAt1Request = 0;
  for (const scale of [1, 2, 4]) {
    const revisionCase = makeRevisionCase(scale);
    const times: number[] = [];
    let outcome = { anchored: 0, changed: 0, orphaned: 0 };
    // A fresh database each run, so no run finds another's rows or warm pages.
    for (let run = 0; run < REQUEST_RUNS; run++) {
      const { ms: took, ...counts } = await timeAddRevision(provider, revisionCase);
      times.push(took);
      outcome = counts;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const perWord = (median / (50_000 * scale)) * 1000;
    if (scale === 1) perWordAt1Request = perWord;
    if (provider === "sqlite" && scale === 1 && median > REQUEST_TARGET_MS) failed = true;
    requestRows.push([
      provider,
      `${scale}×`,
      `${ms(median)} / ${ms(times[0])}`,
      (perWord / perWordAt1Request).toFixed(2),
      `${outcome.anchored} / ${outcome.changed} / ${outcome.orphaned}`,
    ]);
  }
}
console.log("");
printTable(
  `POST …/revisions minus HTTP: addRevision with its database writes, ms as median / fastest of ${REQUEST_RUNS} (target: ≤ ${REQUEST_TARGET_MS} ms on SQLite at 1×)`,
  ["database", "size", "ms", "growth", "anchored / changed / orphaned"],
  requestRows,
);
if (sink < 0) console.log(sink);
if (failed) {
  console.error(`\nre-anchoring missed its targets (≤ ${TARGET_RATIO}× the diff, ≤ ${TARGET_MS} ms at 1×)`);
  process.exit(1);
}
