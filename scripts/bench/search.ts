/**
 * Search benchmark (#18): a library of 100,000 annotations over 2,000 articles on SQLite and on
 * PostgreSQL, written straight into the tables (the search index filled by its triggers, as by
 * any write), then the production server on loopback:
 *
 * 1. Search latency: 10 concurrent users, each sending its next query as soon as the last is
 *    answered, over HTTP to GET /api/v1/search with an API token (the whole request: auth, the
 *    use case's queries, JSON). Query kinds (lib/search-load.ts, QUERY_KINDS): 1, 2 or 3 words of a random annotation's quote, with and without
 *    kind/verdict or speaker filters, and a second page. Prints p50/p95/p99 overall and per kind.
 *    Two runs: a closed loop (each user searches again as soon as answered: the throughput, its
 *    latency mostly queueing) and a paced one (each user 1 search/s, timed from when it was due),
 *    where latency is judged, as the collab bench judges it at an offered rate.
 *    Target (the issue's): p95 ≤ 50 ms on SQLite.
 *    Then "checked before" (GET /api/v1/claims/similar with a library quote), paced the same way,
 *    in a run of its own. Target: p95 ≤ 100 ms on SQLite.
 *
 * 2. Write throughput with the index kept in step: the collab bench's write loop
 *    (lib/collab-load.ts: 50 connections, each creating an annotation then updating its note, as
 *    fast as answered) on 10 more articles of the same database, in alternating rounds with the
 *    index's triggers in place and dropped (then restored), so both are measured in the same run
 *    on the same data, in the order off, on, on, off (a drift over the run weighs on both alike),
 *    after a 10 s warm-up. Prints writes/s for each and their ratio. Target: with ≥ 85 % of without.
 *
 * A benchmark reports: missed targets print MISS and the exit code stays 0; only a crash exits non-zero.
 *
 * Options (env, or flags when run directly: node --import tsx scripts/bench/search.ts --annotations 20000):
 *   BENCH_ANNOTATIONS / --annotations N      (100000)
 *   BENCH_ARTICLES / --articles N            (2000)
 *   BENCH_USERS / --users N                  concurrent searching users (10)
 *   BENCH_SECONDS / --seconds N              each measured search run (20)
 *   BENCH_PACE / --pace N                    searches per second per user in the paced run (1)
 *   BENCH_WRITE_SECONDS / --write-seconds N  each write round (10); rounds: off, on, on, off
 *   BENCH_PROVIDERS / --provider LIST        sqlite,postgresql (both)
 *   BENCH_PORT                               the app server's port (any free one)
 *   BENCH_COMPARE / --compare "K=V K=V; K=V"  settings of other servers (";" between servers), each running the
 *                                            same paced queries on the same data, to compare in one run: the
 *                                            servers take turns A B C C B A, each figure pooled over its two
 *                                            runs ("FACTMARK_SEARCH_THREADS=0" by default, "none" to skip)
 *   POSTGRES_BENCH_URL                       server to create factmark_bench_<random> on
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Provider } from "../../lib/db/providers";
import { createApiToken } from "../../lib/server/token/create-api-token";
import { runCollabLoad } from "./lib/collab-load";
import { ensureProductionBuild, startBenchServer, type BenchServer } from "./lib/collab-server";
import { DEFAULT_POSTGRES_BENCH_URL, freshDatabase, postgresReachable, seedFixture } from "./lib/collab-setup";
import { percentiles } from "./lib/collab-verify";
import { printTable } from "./lib/print-table";
import { CHECKED_BEFORE, QUERY_KINDS, runSearchLoad, type Sample } from "./lib/search-load";
import { seedLibrary } from "./lib/search-seed";
import { searchTriggers, setTriggers } from "./lib/search-triggers";

function option(flag: string, env: string, fallback: string): string {
  const index = process.argv.indexOf(`--${flag}`);
  if (index >= 0 && process.argv[index + 1]) return process.argv[index + 1];
  return process.env[env] || fallback;
}

const ANNOTATIONS = Number(option("annotations", "BENCH_ANNOTATIONS", "100000"));
const ARTICLES = Number(option("articles", "BENCH_ARTICLES", "2000"));
const USERS = Number(option("users", "BENCH_USERS", "10"));
const SECONDS = Number(option("seconds", "BENCH_SECONDS", "20"));
const WRITE_SECONDS = Number(option("write-seconds", "BENCH_WRITE_SECONDS", "10"));
const PROVIDERS = option("provider", "BENCH_PROVIDERS", "sqlite,postgresql")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean) as Provider[];
const PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
const COMPARE_TEXT = option("compare", "BENCH_COMPARE", "FACTMARK_SEARCH_THREADS=0");
/** The comparison servers' settings (a lever turned off or changed), by their text. */
const COMPARE: { name: string; settings: Record<string, string> }[] =
  COMPARE_TEXT === "none"
    ? []
    : COMPARE_TEXT.split(";")
        .map((text) => text.trim())
        .filter(Boolean)
        .map((name) => ({
          name,
          settings: Object.fromEntries(
            name.split(/\s+/).map((pair) => {
              const [key, ...value] = pair.split("=");
              return [key, value.join("=")];
            }),
          ),
        }));
const WARMUP_SECONDS = 5;
/** Paced run: each user's searches a second (a busy desk: ten people each searching every second). */
const PACE = Number(option("pace", "BENCH_PACE", "1"));
/** As in the collab bench: a fresh server's first seconds of writes are slow (V8 compiling), not what is measured. */
const WRITE_WARMUP_SECONDS = 10;
const WRITE_CONNECTIONS = 50;
const TARGET = { searchP95Ms: 50, similarP95Ms: 100, writeRatio: 0.85 };

for (const provider of PROVIDERS)
  if (provider !== "sqlite" && provider !== "postgresql")
    throw new Error(`unknown provider ${provider} (sqlite or postgresql)`);
if (!(ANNOTATIONS > 0) || !(ARTICLES > 0) || !(USERS > 0) || !(SECONDS > 0) || !(WRITE_SECONDS > 0))
  throw new Error("--annotations, --articles, --users, --seconds and --write-seconds must be positive numbers");

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const count = (n: number) => n.toLocaleString("en");
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function latencyRows(samples: Sample[]): string[][] {
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  const row = (name: string, list: Sample[]) => {
    const p = percentiles(list.map((sample) => sample.ms));
    const errors = list.filter((sample) => sample.status !== 200).length;
    return [name, count(list.length), ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max), count(errors)];
  };
  return [
    row("all queries", samples),
    ...kinds.map((kind) =>
      row(
        kind,
        samples.filter((s) => s.kind === kind),
      ),
    ),
  ];
}

async function runProvider(provider: Provider): Promise<string[][]> {
  console.log(
    `\n[${provider}] fresh database; seeding ${count(ANNOTATIONS)} annotations over ${count(ARTICLES)} articles…`,
  );
  const database = await freshDatabase(provider);
  let server: BenchServer | null = null;
  try {
    const { db } = database;
    const owner = await db.user.create({
      data: { email: "searcher@bench.example", name: "Sam Searcher", role: "EDITOR" },
    });
    const actor = {
      id: owner.id,
      email: owner.email,
      name: owner.name,
      role: "EDITOR" as const,
      via: "session" as const,
    };
    const { token } = await createApiToken(db, { actor, input: { name: "search bench" } });
    const seedStarted = performance.now();
    const material = await seedLibrary(db, { articles: ARTICLES, annotations: ANNOTATIONS, authorId: owner.id });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const [indexed] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "AnnotationFts"`;
    console.log(
      `[${provider}] seeded in ${seedSeconds.toFixed(1)} s through the triggers; ${count(Number(indexed.n))} annotations in the index`,
    );
    if (provider === "postgresql") await db.$executeRawUnsafe("ANALYZE");
    const fixture = await seedFixture(db, { articles: 10, characters: 20_000, writers: WRITE_CONNECTIONS, readers: 0 });

    server = await startBenchServer("A", database.target.url, undefined, PORT);
    console.log(
      `[${provider}] app server ${server.url}; warm-up ${WARMUP_SECONDS} s, then ${USERS} users for ${SECONDS} s…`,
    );
    await runSearchLoad({ url: server.url, token, users: USERS, seconds: WARMUP_SECONDS, material, seed: 1 });
    const loadAverage = os.loadavg()[0];
    const closed = await runSearchLoad({ url: server.url, token, users: USERS, seconds: SECONDS, material });
    printTable(
      `\n[${provider}] search latency over HTTP (ms), ${USERS} users in a closed loop (each searches again as soon as answered), ${count(ANNOTATIONS)} annotations`,
      ["query kind", "queries", "p50", "p95", "p99", "max", "non-200"],
      latencyRows(closed),
    );
    // The paced run: the figure judged. Seed 11 each time, so a comparison server gets the same queries.
    const paced = async (url: string, title: string) => {
      const run = await runSearchLoad({
        url,
        token,
        users: USERS,
        seconds: SECONDS,
        material,
        seed: 11,
        perUserPerSecond: PACE,
      });
      printTable(title, ["query kind", "queries", "p50", "p95", "p99", "max", "non-200"], latencyRows(run));
      return run;
    };
    const samples = await paced(
      server.url,
      `\n[${provider}] search latency over HTTP (ms), ${USERS} users each searching ${PACE}×/s (from when due), ${count(ANNOTATIONS)} annotations`,
    );
    // "Checked before" on its own: the same users, each asking once a second, with a quote from the library.
    await runSearchLoad({
      url: server.url,
      token,
      users: USERS,
      seconds: WARMUP_SECONDS,
      material,
      kinds: [CHECKED_BEFORE],
      seed: 2,
    });
    const similar = await runSearchLoad({
      url: server.url,
      token,
      users: USERS,
      seconds: SECONDS,
      material,
      kinds: [CHECKED_BEFORE],
      seed: 13,
      perUserPerSecond: PACE,
    });
    printTable(
      `\n[${provider}] "checked before" latency over HTTP (ms), ${USERS} users each asking ${PACE}×/s (from when due)`,
      ["query kind", "queries", "p50", "p95", "p99", "max", "non-200"],
      latencyRows(similar),
    );
    // The same paced queries (same seed) on servers with a lever off or changed, on the same data, taking
    // turns A B C C B A (a machine whose load drifts weighs on all alike); each figure pooled over its two runs.
    const compared = new Map<string, Sample[]>();
    if (COMPARE.length) {
      const configs = [{ name: "as configured", settings: {} }, ...COMPARE];
      compared.set("as configured", [...samples]);
      for (const config of [...configs.slice(1), ...[...configs].reverse()]) {
        await server.stop();
        server = await startBenchServer(config.name, database.target.url, undefined, PORT, config.settings);
        await runSearchLoad({ url: server.url, token, users: USERS, seconds: WARMUP_SECONDS, material, seed: 1 });
        const run = await paced(server.url, `\n[${provider}] the same paced run, ${config.name}`);
        compared.set(config.name, [...(compared.get(config.name) ?? []), ...run]);
      }
      printTable(
        `\n[${provider}] the paced run per server, pooled over its two turns (ms)`,
        ["server", "queries", "p50", "p95", "p99", "p95 ÷ as configured"],
        [...compared].map(([name, list]) => {
          const p = percentiles(list.map((sample) => sample.ms));
          const base = percentiles(compared.get("as configured")!.map((sample) => sample.ms));
          return [
            name,
            count(list.length),
            ms(p.p50),
            ms(p.p95),
            ms(p.p99),
            `${((p.p95 / base.p95) * 100).toFixed(0)} %`,
          ];
        }),
      );
    }
    const similarOverall = percentiles(similar.map((sample) => sample.ms));
    const overall = percentiles(samples.map((sample) => sample.ms));
    const closedOverall = percentiles(closed.map((sample) => sample.ms));

    // Writes: the collab loop, rounds alternating with the triggers in place and dropped.
    const triggers = await searchTriggers(db, provider);
    const load = (seconds: number) =>
      runCollabLoad({
        urls: [server!.url],
        connections: WRITE_CONNECTIONS,
        seconds,
        articles: fixture.articles,
        tokens: fixture.writerTokens,
      });
    await load(WRITE_WARMUP_SECONDS);
    const rates: Record<"on" | "off", number[]> = { on: [], off: [] };
    let failures = 0;
    // ABBA order (off, on, on, off): a server still speeding up, or slowing down as the tables grow, weighs on both alike.
    let current = true;
    for (const on of [false, true, true, false]) {
      if (on !== current) await setTriggers(db, triggers, on);
      current = on;
      const run = await load(WRITE_SECONDS);
      failures += run.failures.length;
      const rate = run.acks.length / ((run.finishedAt - run.startedAt) / 1000);
      rates[on ? "on" : "off"].push(rate);
      console.log(
        `[${provider}] write round, index ${on ? "kept in step" : "triggers dropped"}: ${rate.toFixed(0)} writes/s`,
      );
    }
    if (!current) await setTriggers(db, triggers, true);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const withIndex = mean(rates.on);
    const without = mean(rates.off);
    const ratio = withIndex / without;
    const onSqlite = provider === "sqlite";
    const rows = [
      [
        provider,
        "search, closed loop: p50 / p95 / p99 (ms)",
        `${ms(closedOverall.p50)} / ${ms(closedOverall.p95)} / ${ms(closedOverall.p99)}`,
        "",
        "",
      ],
      [provider, "search, closed loop: searches/s", (closed.length / SECONDS).toFixed(0), "", ""],
      [
        provider,
        `search, ${USERS} users × ${PACE}/s: p50 / p95 / p99 (ms)`,
        `${ms(overall.p50)} / ${ms(overall.p95)} / ${ms(overall.p99)}`,
        onSqlite ? `p95 ≤ ${TARGET.searchP95Ms}` : "",
        onSqlite ? verdict(overall.p95 <= TARGET.searchP95Ms) : "",
      ],
      ...[...compared].map(([name, list]) => [
        provider,
        `  paced, ${name}, pooled over 2 turns: p50 / p95 / p99 (ms)`,
        (({ p50, p95, p99 }) => `${ms(p50)} / ${ms(p95)} / ${ms(p99)}`)(percentiles(list.map((sample) => sample.ms))),
        "",
        "",
      ]),
      [
        provider,
        `checked before, ${USERS} users × ${PACE}/s: p50 / p95 / p99 (ms)`,
        `${ms(similarOverall.p50)} / ${ms(similarOverall.p95)} / ${ms(similarOverall.p99)}`,
        onSqlite ? `p95 ≤ ${TARGET.similarP95Ms}` : "",
        onSqlite ? verdict(similarOverall.p95 <= TARGET.similarP95Ms) : "",
      ],
      // Other work on the machine inflates every figure: the 1-minute load average when the search load began.
      [provider, "machine load average at start (cores)", `${loadAverage.toFixed(1)} (${os.cpus().length})`, "", ""],
      [provider, "writes/s with the index (triggers)", withIndex.toFixed(0), "", ""],
      [provider, "writes/s without (triggers dropped)", without.toFixed(0), "", ""],
      [
        provider,
        "with ÷ without",
        `${(ratio * 100).toFixed(1)} %`,
        `≥ ${TARGET.writeRatio * 100} %`,
        verdict(ratio >= TARGET.writeRatio),
      ],
      [provider, "failed writes", count(failures), "0", verdict(failures === 0)],
      [provider, "seeding through the triggers (s)", seedSeconds.toFixed(1), "", ""],
    ];
    printTable(`\n[${provider}] summary`, ["provider", "metric", "value", "target", "result"], rows);
    return rows;
  } finally {
    await server?.stop();
    await database.close();
  }
}

ensureProductionBuild();
const summary: string[][] = [];
for (const provider of PROVIDERS) {
  if (provider === "postgresql") {
    const problem = await postgresReachable(process.env.POSTGRES_BENCH_URL || DEFAULT_POSTGRES_BENCH_URL);
    if (problem) {
      console.log(`\n[postgresql] skipped: the server does not answer (${problem})`);
      continue;
    }
  }
  summary.push(...(await runProvider(provider)));
}
printTable(
  `\nsearch benchmark: ${count(ANNOTATIONS)} annotations over ${count(ARTICLES)} articles, ${USERS} users; query kinds: ${QUERY_KINDS.map((kind) => kind.name).join(", ")}`,
  ["provider", "metric", "value", "target", "result"],
  summary,
);
