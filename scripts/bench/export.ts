/**
 * Export benchmark: exportHtml against a bare escapeHtml pass over the same
 * article text, at 1×, 2× and 4× the size of a long article (50,000 words,
 * 2,000 annotations, 20 % of them overlapping others). Best of N after
 * warm-up; a steady µs per (1,000 characters + 1 annotation) shows linearity.
 *
 * The export also writes every note, rationale, speaker and source, which
 * here add up to about three times the article text, so a second baseline
 * escapes all of that user-supplied text too: the escaping work any exporter
 * must do, against which the export's own overhead shows. A third, copy-out,
 * joins the finished output from its two halves: what merely producing one
 * string of the output's size costs (allocating it, faulting its pages in and
 * copying into it), a floor no exporter returning a string can go under.
 */
import { performance } from "node:perf_hooks";
import { escapeHtml } from "../../lib/export/escape";
import { exportHtml } from "../../lib/export/html";
import type { ExportSnapshot } from "../../lib/export/snapshot";
import { syntheticArticle } from "./lib/synthetic-article";

const TARGET_RATIO = 5;
let sink = 0;

function best(run: () => string, runs: number): number {
  for (let i = 0; i < 3; i++) sink += run().length;
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    sink += run().length;
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const rows: string[][] = [];
let worst = 0;
for (const scale of [1, 2, 4]) {
  const article = syntheticArticle({ words: 50_000 * scale, annotations: 2_000 * scale });
  const snapshot: ExportSnapshot = {
    article,
    publisher: "Factmark Checks",
    articleUrl: "https://factmark.example/articles/bench",
    publicUrl: "https://factmark.example/articles/bench",
    exportedAt: "2024-03-05T12:00:00.000Z",
  };
  const text = article.revision.text;
  const runs = Math.max(5, 20 / scale);
  const userText = [text];
  for (const a of article.annotations) {
    userText.push(
      a.quote,
      a.note,
      a.rationale ?? "",
      a.speaker ?? "",
      a.createdBy.name,
      a.lastReview?.reviewer.name ?? "",
    );
    for (const s of a.sources)
      userText.push(s.url, s.title ?? "", s.publisher ?? "", s.quote ?? "", s.archiveUrl ?? "");
  }
  const escapeMs = best(() => escapeHtml(text), runs * 4);
  const escapeAllMs = best(() => userText.map(escapeHtml).join(""), runs * 2);
  const output = exportHtml(snapshot);
  const halves = [output.slice(0, output.length >> 1), output.slice(output.length >> 1)];
  const copyMs = best(() => halves.join(""), runs * 2);
  const exportMs = best(() => exportHtml(snapshot), runs);
  const ratio = exportMs / escapeMs;
  worst = Math.max(worst, ratio);
  const units = text.length / 1000 + article.annotations.length;
  rows.push([
    `${scale}×`,
    (50_000 * scale).toLocaleString("en"),
    text.length.toLocaleString("en"),
    article.annotations.length.toLocaleString("en"),
    (output.length / 1e6).toFixed(2),
    exportMs.toFixed(2),
    escapeMs.toFixed(2),
    ratio.toFixed(1),
    escapeAllMs.toFixed(2),
    (exportMs / escapeAllMs).toFixed(1),
    copyMs.toFixed(2),
    (copyMs / escapeMs).toFixed(1),
    ((exportMs * 1000) / units).toFixed(2),
  ]);
}

const header = [
  "size",
  "words",
  "chars",
  "annotations",
  "output Mchar",
  "export ms",
  "escape ms",
  "ratio",
  "escape-all ms",
  "ratio-all",
  "copy-out ms",
  "copy/escape",
  "µs/(kchar+annotation)",
];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padStart(widths[i])).join(" | ")} |`;
console.log(
  "exportHtml vs escapeHtml of the article text (ratio) and of all user-supplied text (ratio-all); best of N after warm-up",
);
console.log(
  "copy-out: one copy of the finished output into a new string; copy/escape is the ratio that alone would reach",
);
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
console.log(
  worst <= TARGET_RATIO
    ? `ratio target ≤ ${TARGET_RATIO}: met`
    : `ratio target ≤ ${TARGET_RATIO}: NOT met (worst ${worst.toFixed(1)})`,
);
if (sink < 0) console.log(sink);
