/**
 * npm run bench -- import-thread: does a 5 MB page stall other requests? A
 * synthetic 5 MB saved page (a short story inside rails of links, 3 MB of
 * inline JSON) is extracted while a small page, standing in for another
 * request, is extracted in place every 20 ms; the small one's latency and the
 * event loop's delay are measured with the big page in place (as on the
 * request thread) and on the extraction thread (lib/extract-thread/, as the
 * production server runs pages over 256 KB). Prints figures; asserts nothing.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { ExtractThread } from "../../lib/extract-thread/on-extract-thread";
import { tsxWorker } from "../../lib/extract-thread/tsx-worker";
import { extractPage } from "../../lib/import/page/extract-page";
import { printTable } from "./lib/print-table";

const SMALL = `<!doctype html><html lang="en"><head><title>Small | Site</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Small story</h1>${"<p>A paragraph of a short article, as most pages are.</p>".repeat(12)}</article></body></html>`;

function bigPage(bytes: number): string {
  const story = Array.from(
    { length: 40 },
    (_, i) => `<p>Paragraph ${i + 1} of the story, with enough words to read as running text in a news article.</p>`,
  ).join("\n");
  const rail = Array.from(
    { length: 9000 },
    (_, i) => `<li class="rail-item"><a href="/story/${i}"><span>Related story number ${i}</span></a></li>`,
  ).join("");
  const head = `<!doctype html><html lang="en"><head><title>Big page | Site</title></head><body>
<nav><ul>${rail}</ul></nav><article><h1>The big page</h1>${story}</article><aside><ul>${rail}</ul></aside>`;
  const tail = "</body></html>";
  const json = "x".repeat(Math.max(0, bytes - head.length - tail.length - 60));
  return `${head}<script type="application/json">{"data":"${json}"}</script>${tail}`;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const ms = (value: number) => value.toFixed(1);

/**
 * Runs `big` while small requests arrive every 20 ms; each is served (a small extraction) as soon as the thread is
 * free, and its latency counts from when it arrived, so a request that waits behind the big page counts its wait.
 */
async function underLoad(big: () => Promise<unknown>) {
  const latencies: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let running = true;
  let next = performance.now();
  const serve = () => {
    while (next <= performance.now()) {
      extractPage(SMALL);
      latencies.push(performance.now() - next);
      next += 20;
    }
    if (running) setTimeout(serve, Math.max(0, next - performance.now()));
  };
  delay.enable();
  const started = performance.now();
  serve();
  // Let the first small ones in before the big one takes the thread (as requests already under way would).
  await new Promise((resolve) => setTimeout(resolve, 30));
  await big();
  const took = performance.now() - started - 30;
  // The requests that waited behind the big page are served now, and the delay monitor sees the stall.
  await new Promise((resolve) => setTimeout(resolve, 30));
  running = false;
  delay.disable();
  return { took, latencies, maxDelay: delay.max / 1e6 };
}

const page = bigPage(5 * 1024 * 1024);
console.log(
  `big page: ${(page.length / 1024 / 1024).toFixed(2)} MB; small page: ${(SMALL.length / 1024).toFixed(1)} KB`,
);
for (let i = 0; i < 3; i++) extractPage(SMALL);
const alone: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  extractPage(SMALL);
  alone.push(performance.now() - start);
}

const inPlace = await underLoad(async () => extractPage(page));
const thread = new ExtractThread(tsxWorker);
await thread.extract(SMALL, {}); // start the thread and load its code before measuring
const offThread = await underLoad(() => thread.extract(page, {}));

printTable(
  "Small extractions (another request) while a 5 MB page is extracted",
  ["5 MB page extracted", "big page ms", "small requests", "small p50 ms", "small max ms", "loop delay max ms"],
  [
    ["(no big page)", "–", String(alone.length), ms(quantile(alone, 0.5)), ms(Math.max(...alone)), "–"],
    ...(
      [
        ["in place (request thread)", inPlace],
        ["on the extraction thread", offThread],
      ] as const
    ).map(([label, run]) => [
      label,
      ms(run.took),
      String(run.latencies.length),
      ms(quantile(run.latencies, 0.5)),
      ms(Math.max(...run.latencies)),
      ms(run.maxDelay),
    ]),
  ],
);
process.exit(0);
