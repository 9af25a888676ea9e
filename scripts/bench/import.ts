/**
 * Import benchmark (issue #17): every page of the corpus (tests/fixtures/pages/,
 * a few KB to ~5 MB) through four extractors, per-page time (median and p95
 * over the pages, each page the best of a few runs after a warm-up) and word F1
 * against the human-marked body (mean and minimum over the articles):
 *  - extractPage: what Factmark stores (Readability + the import's rules + the
 *    additions of docs/decisions/026), metadata included;
 *  - the importer before it: the fragment rules (`importBlocks(html, "pick")`: largest <article>, else <main>,
 *    else the body), which were the whole importer before #17 and are unchanged;
 *  - Readability alone and Defuddle alone, each on its own linkedom parse,
 *    their HTML output reduced to text the same way (the import's block rules).
 * Non-article pages are timed but not scored. The machine's load average is
 * printed beside the figures: other work on a shared machine slows them.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { Readability } from "@mozilla/readability";
import Defuddle from "defuddle";
import { importBlocks } from "../../lib/import/html";
import { loadCorpus } from "../../lib/import/page/corpus";
import { extractPage } from "../../lib/import/page/extract-page";
import { parsePage } from "../../lib/import/page/parse-page";
import { NotAnArticle } from "../../lib/import/page/types";
import { wordF1 } from "../../lib/import/page/word-f1";
import { printTable } from "./lib/print-table";

const RUNS = 3;
type Extractor = { name: string; text: (html: string) => string };

const extractors: Extractor[] = [
  {
    name: "extractPage (ours)",
    text: (html) => {
      try {
        return extractPage(html).content.text;
      } catch (error) {
        if (error instanceof NotAnArticle) return "";
        throw error;
      }
    },
  },
  { name: "importer before #17", text: (html) => importBlocks(html, "pick").text },
  {
    name: "Readability alone",
    text: (html) => importBlocks(new Readability(parsePage(html)).parse()?.content ?? "", "content").text,
  },
  {
    name: "Defuddle alone",
    text: (html) =>
      importBlocks(new Defuddle(parsePage(html), { url: "https://example.com/" }).parse().content ?? "", "content")
        .text,
  },
];

const pages = loadCorpus();
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const rows: string[][] = [];
const slowest: string[] = [];
for (const extractor of extractors) {
  const times: number[] = [];
  const scores: number[] = [];
  let worst = { name: "", ms: 0 };
  for (const page of pages) {
    let text = extractor.text(page.html); // warm-up, and the text scored
    let fastest = Infinity;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      text = extractor.text(page.html);
      fastest = Math.min(fastest, performance.now() - started);
    }
    times.push(fastest);
    if (fastest > worst.ms) worst = { name: `${page.name} (${(page.html.length / 1e6).toFixed(1)} MB)`, ms: fastest };
    if (page.expectedText !== undefined) scores.push(wordF1(text, page.expectedText).f1);
  }
  times.sort((a, b) => a - b);
  rows.push([
    extractor.name,
    quantile(times, 0.5).toFixed(1),
    quantile(times, 0.95).toFixed(1),
    (scores.reduce((sum, f1) => sum + f1, 0) / scores.length).toFixed(3),
    Math.min(...scores).toFixed(3),
  ]);
  slowest.push(`${extractor.name}: slowest ${worst.name} ${worst.ms.toFixed(0)} ms`);
}

const sizes = pages.map((page) => page.html.length).sort((a, b) => a - b);
printTable(
  `Import of ${pages.length} corpus pages (${(sizes[0] / 1e3).toFixed(0)} KB – ${(sizes[sizes.length - 1] / 1e6).toFixed(1)} MB), best of ${RUNS} per page; load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores`,
  ["extractor", "median ms", "p95 ms", "mean F1", "min F1"],
  rows,
);
for (const line of slowest) console.log(line);
