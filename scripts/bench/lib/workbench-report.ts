import { printTable } from "./print-table";
import type { CaseFigures } from "./workbench-case";

type Metric = { key: keyof CaseFigures; label: string; format: (value: number) => string };

const ms = (value: number) => value.toFixed(0);
const kb = (value: number) => (value / 1024).toFixed(0);

/** The table, in its order, and a few figures that explain it (HTML finished, uncompressed, all responses, create). */
export const METRICS: Metric[] = [
  { key: "firstByte", label: "first byte (ms)", format: ms },
  { key: "htmlDone", label: "  HTML fully received (ms)", format: ms },
  { key: "interactive", label: "interactive: j → panel painted, from navigation (ms)", format: ms },
  { key: "elements", label: "DOM elements (list shown)", format: (value) => value.toFixed(0) },
  { key: "htmlGzip", label: "HTML on the wire, gzip (KB)", format: kb },
  { key: "htmlDecoded", label: "  HTML uncompressed (KB)", format: kb },
  { key: "allBytes", label: "  all responses during load, until settled (KB)", format: kb },
  { key: "clickToPanel", label: "click a highlight → panel painted (ms)", format: (value) => value.toFixed(1) },
  { key: "escToList", label: "Esc → annotation list painted (ms)", format: (value) => value.toFixed(1) },
  { key: "liveToPainted", label: "live change (other editor's PATCH) → painted (ms)", format: ms },
  { key: "heapMb", label: "JS heap after load, after a GC (MB)", format: (value) => value.toFixed(1) },
  { key: "create", label: "create: c → new mark and panel painted (ms)", format: ms },
];

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Every round's figures of one size, and why the rounds that failed did. */
export type SizeResult = { size: number; runs: CaseFigures[]; failures: string[] };

export const label = (size: number) => `S${size}`;

export function medianOf(result: SizeResult | undefined, key: keyof CaseFigures): number | null {
  return result && result.runs.length ? median(result.runs.map((run) => run[key])) : null;
}

/** Medians per size, and each size's ratio to the smallest (S0) on the same database in the same run. */
export function printProviderTable(provider: string, results: SizeResult[], rounds: number) {
  const [base, ...others] = results;
  const header = [
    "metric",
    ...results.map((result) => label(result.size)),
    ...others.map((other) => `${label(other.size)}/${label(base.size)}`),
  ];
  const rows = METRICS.map((metric) => {
    const baseValue = medianOf(base, metric.key);
    return [
      metric.label,
      ...results.map((result) => {
        const value = medianOf(result, metric.key);
        return value === null ? "failed" : metric.format(value);
      }),
      ...others.map((other) => {
        const value = medianOf(other, metric.key);
        return value === null || baseValue === null || baseValue === 0 ? "–" : `${(value / baseValue).toFixed(2)}×`;
      }),
    ];
  });
  rows.push([
    "rounds that worked",
    ...results.map((result) => `${result.runs.length}/${rounds}`),
    ...others.map(() => ""),
  ]);
  printTable(`\n[${provider}] medians of ${rounds} round${rounds > 1 ? "s" : ""}`, header, rows);
  for (const result of results) {
    const reasons = [...new Set(result.failures)];
    if (reasons.length)
      console.log(`  ${label(result.size)} failed ${result.failures.length}×: ${reasons.join(" | ")}`);
  }
}

type Target = { what: string; size: number; key: keyof CaseFigures; ratio?: number; absolute?: number };

/** The targets: S2000 on SQLite against S0 in the same run, and S10000 interactive within 2 s. */
const TARGETS: Target[] = [
  { what: "interactive ≤ 1.3× S0", size: 2000, key: "interactive", ratio: 1.3 },
  { what: "click → panel ≤ 1.5× S0", size: 2000, key: "clickToPanel", ratio: 1.5 },
  { what: "click → panel ≤ 50 ms", size: 2000, key: "clickToPanel", absolute: 50 },
  { what: "Esc → list ≤ 1.5× S0", size: 2000, key: "escToList", ratio: 1.5 },
  { what: "live change → painted ≤ 1.5× S0", size: 2000, key: "liveToPainted", ratio: 1.5 },
  { what: "DOM elements ≤ 2× S0", size: 2000, key: "elements", ratio: 2 },
  { what: "HTML on the wire ≤ 2× S0", size: 2000, key: "htmlGzip", ratio: 2 },
  { what: "interactive ≤ 2 s", size: 10000, key: "interactive", absolute: 2000 },
];

export function printTargets(provider: string, results: SizeResult[]) {
  const bySize = new Map(results.map((result) => [result.size, result]));
  const base = bySize.get(0);
  console.log(
    `\n[${provider}] targets (issue #14${provider === "sqlite" ? "" : "; set for SQLite, shown here for comparison"}):`,
  );
  for (const target of TARGETS) {
    const result = bySize.get(target.size);
    const name = `  ${label(target.size)} ${target.what}`.padEnd(46);
    if (!result) {
      console.log(`${name} not measured (BENCH_SIZES has no ${target.size})`);
      continue;
    }
    const value = medianOf(result, target.key);
    if (value === null) {
      console.log(
        `${name} missed (every round failed: ${result.failures[0]?.split(";")[0] ?? "no run"}; reasons above)`,
      );
      continue;
    }
    if (target.absolute !== undefined) {
      console.log(`${name} ${value <= target.absolute ? "met" : "missed"} (${value.toFixed(0)})`);
      continue;
    }
    const baseValue = medianOf(base, target.key);
    if (baseValue === null || !baseValue) {
      console.log(`${name} not judged (no S0 figure)`);
      continue;
    }
    const ratio = value / baseValue;
    console.log(`${name} ${ratio <= target.ratio! ? "met" : "missed"} (${ratio.toFixed(2)}×)`);
  }
  const create = medianOf(bySize.get(2000), "create");
  if (create !== null)
    console.log(`  S2000 create: ${create.toFixed(0)} ms (the issue: stays about 200 ms; not a pass/fail target)`);
}
