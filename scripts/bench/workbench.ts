/**
 * Workbench benchmark (issue #14, "Long articles"): Chromium (Playwright,
 * Debian's /usr/bin/chromium with the e2e suite's launch options) against
 * the production build, on one 50,000-word article of about 1,175 paragraphs
 * made from the seed article's real sentences (lib/workbench-article.ts), at
 * 0, 200, 2,000 and 10,000 annotations (20 % overlapping or nested; speakers,
 * notes, verdicts with rationales, 1–2 sources on some), on SQLite and on
 * PostgreSQL (a fresh database each, dropped at the end).
 *
 * Each article also carries the probe: claim C1 on its first three words, by
 * another editor. It is what `j` opens, the highlight clicked and the
 * annotation changed live, so S0 is the article with the probe alone.
 *
 * Per case, in a fresh browser context (cold HTTP cache) signed in as an
 * editor: load; as soon as the page reads "Live", `j` until the panel shows
 * C1 (interactive: from navigation start, in the page's own clock); Esc until
 * the list is painted and click C1's highlight until the panel is painted,
 * BENCH_REPEATS times each (the case's figure is their median: one step of a
 * few dozen ms taken once was mostly noise); Esc;
 * the other editor PATCHes C1's speaker through the API until the page shows
 * it (from the request leaving this process to the paint, both on the epoch
 * clock); select five words and press `c` until the new annotation's panel is
 * painted (the annotation is deleted again). "Painted" is two animation frames
 * after a MutationObserver saw the change (lib/workbench-probe.ts). Also: the
 * document's first byte and its end, its gzip and uncompressed size, all bytes
 * received during the load (until its own requests are done), DOM elements
 * with the list shown, and the JS heap after a GC.
 *
 * The cases alternate (S0, S200, S2000, S10000, S0, …) for BENCH_ROUNDS
 * rounds after one unmeasured warm-up case; the tables give medians and
 * ratios to S0 on the same database in the same run, then the issue's
 * targets, met or missed. A case that fails (a 500, a timeout) is reported as
 * failed with its reason, and the run goes on. Exit code 0 unless the bench
 * itself crashes.
 *
 * Options (env):
 *   BENCH_PROVIDERS   sqlite,postgresql (both)
 *   BENCH_ROUNDS      rounds of every size (3)
 *   BENCH_REPEATS     Esc/click pairs per case (5)
 *   BENCH_SIZES       annotation counts, the first being the baseline (0,200,2000,10000)
 *   BENCH_PORT        the SQLite app server's port, PostgreSQL's the next one (any free port)
 *   BENCH_TIMEOUT_MS  how long one step may take before the case fails (90000)
 *   POSTGRES_BENCH_URL  server to create factmark_bench_<random> on
 *   CHROMIUM_PATH     the browser (/usr/bin/chromium)
 */
import os from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, request as apiRequest, type Browser } from "@playwright/test";
import type { Provider } from "../../lib/db/providers";
import playwrightConfig from "../../playwright.config";
import { signInViaApi } from "../../e2e/support/accounts";
import { ensureProductionBuild, startBenchServer, type BenchServer } from "./lib/collab-server";
import { DEFAULT_POSTGRES_BENCH_URL, freshDatabase, postgresReachable, type BenchDatabase } from "./lib/collab-setup";
import { longArticleText } from "./lib/workbench-article";
import { runCase, type CaseContext } from "./lib/workbench-case";
import { label, printProviderTable, printTargets, type SizeResult } from "./lib/workbench-report";
import { seedArticle, seedUsers, type SeededArticle } from "./lib/workbench-seed";

const list = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
const PROVIDERS = list(process.env.BENCH_PROVIDERS || "sqlite,postgresql") as Provider[];
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const SIZES = list(process.env.BENCH_SIZES || "0,200,2000,10000").map(Number);
const BASE_PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 90_000);

for (const provider of PROVIDERS)
  if (provider !== "sqlite" && provider !== "postgresql")
    throw new Error(`unknown provider ${provider} (sqlite or postgresql)`);
if (!(ROUNDS >= 1) || SIZES.length === 0 || SIZES.some((size) => !(Number.isInteger(size) && size >= 0)))
  throw new Error("BENCH_ROUNDS must be 1 or more, BENCH_SIZES whole numbers (e.g. 0,200,2000)");

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");

/** What an interrupted run must still undo: the browser, the servers, the bench databases. */
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the browser and app server, dropping the bench database…`);
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
  });
}

/** What the server logged since `from` that says what went wrong: a Prisma code's line if there is one, else its first error lines. */
function serverReason(server: BenchServer, from: number): string {
  const lines = server
    .stderr()
    .slice(from)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /P\d{4}|Error|⨯|limit|exceeded/.test(line));
  const code = lines.map((line) => /\bP\d{4}\b/.exec(line)?.[0]).find(Boolean);
  const message = lines.find((line) => /limit|exceeded/i.test(line));
  const reason = code || message ? [code, message].filter(Boolean).join(" ") : lines.slice(0, 2).join(" ");
  return reason ? `; server: ${reason.slice(0, 200)}` : "";
}

async function runProvider(
  browser: Browser,
  provider: Provider,
  text: string,
  port: number | undefined,
): Promise<SizeResult[]> {
  console.log(`\n[${provider}] seeding ${SIZES.map(label).join(", ")} (+ the probe each)…`);
  let database: BenchDatabase | null = null;
  let server: BenchServer | null = null;
  const cleanup = async () => {
    await server?.stop();
    await database?.close();
  };
  cleanups.add(cleanup);
  try {
    database = await freshDatabase(provider);
    const users = await seedUsers(database.db);
    const articles: SeededArticle[] = [];
    for (const size of SIZES) articles.push(await seedArticle(database.db, users, text, size));
    server = await startBenchServer(provider, database.target.url, undefined, port);
    console.log(`[${provider}] app server ${server.url}; load average (1/5/15 min) ${loadAverage()}`);

    const signIn = await apiRequest.newContext({ baseURL: server.url });
    await signInViaApi(signIn, users.viewer.email, users.viewer.password);
    const context: CaseContext = {
      browser,
      baseURL: server.url,
      storageState: await signIn.storageState(),
      otherToken: users.other.token,
      timeoutMs: TIMEOUT_MS,
    };
    await signIn.dispose();

    // One unmeasured case: the server's and the browser's first page load compiles their code.
    await runCase(context, articles[0], 0).catch((error: Error) =>
      console.log(`[${provider}] warm-up failed: ${error.message.split("\n")[0]}`),
    );

    const results: SizeResult[] = SIZES.map((size) => ({ size, runs: [], failures: [] }));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, article] of articles.entries()) {
        const logFrom = server.stderr().length;
        const started = Date.now();
        try {
          const figures = await runCase(context, article, round);
          results[i].runs.push(figures);
          console.log(
            `[${provider}] round ${round} ${label(article.size)}: interactive ${figures.interactive.toFixed(0)} ms, click ${figures.clickToPanel.toFixed(0)} ms, Esc ${figures.escToList.toFixed(0)} ms, live ${figures.liveToPainted.toFixed(0)} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`,
          );
        } catch (error) {
          const reason = `${(error as Error).message.split("\n")[0].slice(0, 160)}${serverReason(server, logFrom)}`;
          results[i].failures.push(reason);
          console.log(`[${provider}] round ${round} ${label(article.size)}: failed: ${reason}`);
        }
      }
    }
    return results;
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

async function main() {
  ensureProductionBuild();
  const text = longArticleText();
  const paragraphs = text.split("\n\n").length;
  // Its sentences repeat, so it compresses far better than fresh prose would: the figure that bytes on the wire start from.
  const gzipKb = (gzipSync(text).length / 1024).toFixed(0);
  console.log(
    `article: ${text.split(/\s+/).length.toLocaleString("en")} words, ${paragraphs.toLocaleString("en")} paragraphs, ${text.length.toLocaleString("en")} characters, ${gzipKb} KB gzipped (the seed article's sentences, shuffled)`,
  );
  console.log(
    `sizes ${SIZES.map(label).join(", ")}; ${ROUNDS} round${ROUNDS > 1 ? "s" : ""}; providers ${PROVIDERS.join(", ")}; ${os.availableParallelism()} cores; load average at start (1/5/15 min) ${loadAverage()}`,
  );
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  cleanups.add(() => browser.close());
  const all: [Provider, SizeResult[]][] = [];
  for (const [index, provider] of PROVIDERS.entries()) {
    if (provider === "postgresql") {
      const problem = await postgresReachable(process.env.POSTGRES_BENCH_URL || DEFAULT_POSTGRES_BENCH_URL);
      if (problem) {
        console.log(
          `\n[postgresql] SKIPPED: the server does not answer (${problem}); start it (e.g. pg_ctlcluster 15 main start) or set POSTGRES_BENCH_URL`,
        );
        continue;
      }
    }
    all.push([
      provider,
      await runProvider(browser, provider, text, BASE_PORT === undefined ? undefined : BASE_PORT + index),
    ]);
  }
  await browser.close();
  for (const [provider, results] of all) {
    printProviderTable(provider, results, ROUNDS);
    printTargets(provider, results);
  }
  console.log(`\nload average at end (1/5/15 min) ${loadAverage()}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
