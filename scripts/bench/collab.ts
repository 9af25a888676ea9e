/**
 * Collaboration benchmark (the issue's load test): the production build on
 * loopback, 50 autocannon connections each repeating "create an annotation,
 * then update it with the version it got back" on 10 articles for 30 s, with
 * 2 event-stream subscribers per article open throughout.
 *
 * Prints throughput (acknowledged writes/s) and p50/p95/p99 latency, then
 * checks that every acknowledged write is in the database and that every
 * subscriber received every event of its article (audit events after its
 * starting cursor), and the delivery lag (event received − write
 * acknowledged). On SQLite: one app server. On PostgreSQL: two app servers on
 * one database, writes spread over both and each article's subscribers split
 * between them, so lag is shown within a server and across servers.
 *
 * Two runs per provider, each on a fresh database and servers. "max": every
 * connection sends its next write as soon as its answer arrives, which finds
 * the throughput; its latency is then only the queue (Little's law: 50
 * connections ÷ throughput), so it says nothing about responsiveness. "500":
 * the same 50 connections offer 500 writes/s between them (10 each), which is
 * where the latency target is judged; the run fails if the server falls
 * behind the offered rate (an offered rate it cannot sustain would otherwise
 * hide its latency, "coordinated omission"). autocannon releases every
 * connection's quota at the same instant each second; independent clients are
 * not synchronised like that, so each connection runs on its own, their
 * seconds starting 20 ms apart (lib/collab-load.ts).
 *
 * Targets, as the issue sets them: on SQLite ≥ 500 writes/s and p99 ≤ 50 ms (judged
 * at the offered rate); on both databases 0 lost writes and 0 missed events; on
 * PostgreSQL, where the issue asks for the figures, the cross-server delivery lag
 * p99 ≤ 250 ms (its throughput and latency are printed without a target).
 *
 * Warm-up. A freshly started server is slow for its first seconds under load
 * (V8 compiling Next's and Prisma's code on two threads, heaps growing): with
 * a 3 s warm-up of writes alone, the first 5 s of the measured run had a p99
 * of 55–80 ms and every later 5 s about 10 ms. So the warm-up takes the same
 * paths as the measured run (writes, and streams fanning them out) for 10 s,
 * and the run prints its p99 for each 5 s, where any transient left shows.
 *
 * A benchmark reports: missed targets are printed as MISS and the exit code
 * stays 0; only a crash exits non-zero.
 *
 * Options (env, or flags when run directly:
 * node --import tsx scripts/bench/collab.ts --seconds 5 --provider sqlite):
 *   BENCH_SECONDS / --seconds N        load duration per provider (30)
 *   BENCH_PROVIDERS / --provider LIST  sqlite,postgresql (both)
 *   BENCH_WARMUP_SECONDS / --warmup N  unmeasured warm-up on a separate article, with as many streams on it (10)
 *   BENCH_CONNECTIONS / --connections N (50)
 *   BENCH_SUBSCRIBERS / --subscribers N  event streams per article (2; 0 measures the write path alone)
 *   BENCH_RATES / --rates LIST         runs per provider: "max" (closed loop, as fast as answers come)
 *                                      and/or an offered rate in writes/s (max,500)
 *   POSTGRES_BENCH_URL                 server to create factmark_bench_<random> on
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Provider } from "../../lib/db/providers";
import { runCollabLoad, type LoadResult } from "./lib/collab-load";
import { cpuSnapshot, ensureProductionBuild, startBenchServer, type BenchServer } from "./lib/collab-server";
import { DEFAULT_POSTGRES_BENCH_URL, freshDatabase, postgresReachable, seedFixture } from "./lib/collab-setup";
import { Subscriber } from "./lib/collab-sse";
import { percentiles, verifyRun, type Percentiles, type Verification } from "./lib/collab-verify";
import { printTable } from "./lib/print-table";

function option(flag: string, env: string, fallback: string): string {
  const index = process.argv.indexOf(`--${flag}`);
  if (index >= 0 && process.argv[index + 1]) return process.argv[index + 1];
  return process.env[env] || fallback;
}

const SECONDS = Number(option("seconds", "BENCH_SECONDS", "30"));
const WARMUP_SECONDS = Number(option("warmup", "BENCH_WARMUP_SECONDS", "10"));
const CONNECTIONS = Number(option("connections", "BENCH_CONNECTIONS", "50"));
const PROVIDERS = option("provider", "BENCH_PROVIDERS", "sqlite,postgresql")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean) as Provider[];
const SUBSCRIBERS_PER_ARTICLE = Number(option("subscribers", "BENCH_SUBSCRIBERS", "2"));
/** 0 = closed loop ("max"). */
const RATES = option("rates", "BENCH_RATES", "max,500")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean)
  .map((name) => (name === "max" ? 0 : Number(name)));
/** An offered-rate run counts as keeping up when it acknowledged at least this share of the offered writes. */
const KEPT_UP = 0.97;
const ARTICLES = 10;
const ARTICLE_CHARACTERS = 20_000;
/** The streams have drained when no subscriber received anything for this long. */
const QUIET_MS = 2000;
const MAX_DRAIN_MS = 60_000;

const TARGET = { writesPerSecond: 500, p99Ms: 50, lostWrites: 0, missedEvents: 0, lagP99Ms: 250 };

for (const provider of PROVIDERS)
  if (provider !== "sqlite" && provider !== "postgresql")
    throw new Error(`unknown provider ${provider} (sqlite or postgresql)`);
if (RATES.some((rate) => !(rate >= 0))) throw new Error("--rates takes max and/or numbers of writes/s, e.g. max,500");
if (!(SECONDS > 0) || !(CONNECTIONS > 0) || !(WARMUP_SECONDS >= 0) || !(SUBSCRIBERS_PER_ARTICLE >= 0))
  throw new Error("--seconds and --connections must be positive numbers, --warmup and --subscribers 0 or more");

type Row = [metric: string, value: string, target: string, verdict: string];
type RunSummary = { label: string; rows: Row[] };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const triple = (p: Percentiles | null) => (p && p.count ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : "–");
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
const count = (n: number) => n.toLocaleString("en");

async function waitForDrain(subscribers: Subscriber[], since: number): Promise<number> {
  const deadline = performance.now() + MAX_DRAIN_MS;
  for (;;) {
    const last = Math.max(since, ...subscribers.map((subscriber) => subscriber.lastEventAt));
    if (performance.now() - last >= QUIET_MS || performance.now() > deadline) return last - since;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runLabel = (provider: Provider, rate: number) => `${provider} ${rate ? `@${rate}/s` : "max"}`;

async function runProvider(provider: Provider, rate: number): Promise<RunSummary> {
  const serverCount = provider === "postgresql" ? 2 : 1;
  const label = runLabel(provider, rate);
  console.log(
    `\n[${label}] fresh database, ${ARTICLES} articles of ~${count(ARTICLE_CHARACTERS)} characters, ${CONNECTIONS} writer tokens…`,
  );
  const database = await freshDatabase(provider);
  const servers: BenchServer[] = [];
  const subscribers: Subscriber[] = [];
  const cleanup = async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await Promise.all(servers.map((server) => server.stop()));
    await database.close();
  };
  cleanups.add(cleanup);
  try {
    const fixture = await seedFixture(database.db, {
      articles: ARTICLES,
      characters: ARTICLE_CHARACTERS,
      writers: CONNECTIONS,
      readers: ARTICLES * SUBSCRIBERS_PER_ARTICLE,
    });
    const labels = ["A", "B"].slice(0, serverCount);
    servers.push(...(await Promise.all(labels.map((label) => startBenchServer(label, database.target.url)))));
    const urls = servers.map((server) => server.url);
    console.log(
      `[${label}] app server${serverCount > 1 ? "s" : ""} ${servers.map((server) => `${server.label}=${server.url}`).join(", ")}`,
    );

    if (WARMUP_SECONDS > 0) {
      // The same paths as the measured run, so it starts warm: writes, and event streams fanning them out.
      const watchers = Array.from(
        { length: ARTICLES * SUBSCRIBERS_PER_ARTICLE },
        (_, i) =>
          new Subscriber(`warm${i + 1}`, servers[i % servers.length], fixture.warmup.id, fixture.readerTokens[i]),
      );
      await Promise.all(watchers.map((watcher) => watcher.open()));
      const warm = await runCollabLoad({
        urls,
        connections: CONNECTIONS,
        seconds: WARMUP_SECONDS,
        articles: [fixture.warmup],
        tokens: fixture.writerTokens,
      });
      await Promise.all(watchers.map((watcher) => watcher.close()));
      console.log(
        `[${label}] warm-up: ${count(warm.acks.length)} writes in ${WARMUP_SECONDS} s on a separate article, ${watchers.length} streams on it (not measured)`,
      );
    }

    fixture.articles.forEach((article, a) => {
      for (let s = 0; s < SUBSCRIBERS_PER_ARTICLE; s++) {
        const index = a * SUBSCRIBERS_PER_ARTICLE + s;
        subscribers.push(
          new Subscriber(`sub${index + 1}`, servers[s % servers.length], article.id, fixture.readerTokens[index]),
        );
      }
    });
    await Promise.all(subscribers.map((subscriber) => subscriber.open()));
    console.log(
      `[${label}] ${subscribers.length} subscribers ready; ${CONNECTIONS} connections writing ${rate ? `${rate} writes/s between them` : "as fast as they are answered"} for ${SECONDS} s…`,
    );

    const loadAverage = os.loadavg()[0];
    const roots = Object.fromEntries(servers.map((server) => [`server ${server.label}`, server.pid]));
    const cpuBefore = cpuSnapshot(roots);
    const benchBefore = process.cpuUsage();
    const load = await runCollabLoad({
      urls,
      connections: CONNECTIONS,
      seconds: SECONDS,
      articles: fixture.articles,
      tokens: fixture.writerTokens,
      rate: rate || undefined,
    });
    const benchCpu = process.cpuUsage(benchBefore);
    const cpuAfter = cpuSnapshot(roots);
    const wall = (load.finishedAt - load.startedAt) / 1000;
    const cpu = Object.fromEntries(
      Object.keys(cpuAfter).map((key) => [key, (100 * (cpuAfter[key] - (cpuBefore[key] ?? 0))) / wall]),
    );
    cpu["bench process"] = (benchCpu.user + benchCpu.system) / 1e4 / wall;
    const ours = Object.entries(cpu)
      .filter(([key]) => key !== "machine")
      .reduce((sum, [, value]) => sum + value, 0);
    cpu["other processes"] = Math.max(0, cpu.machine - ours);

    const drainMs = await waitForDrain(subscribers, load.finishedAt);
    const portLabels = new Map(servers.map((server) => [String(server.port), server.label]));
    const verification = await verifyRun(database.db, {
      articleIds: fixture.articles.map((article) => article.id),
      acks: load.acks,
      subscribers,
      portLabels,
    });
    const serverErrors = servers.flatMap((server) =>
      server
        .stderr()
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => `${server.label}: ${line}`),
    );
    const serverMessages = new Map<string, number>();
    for (const line of serverErrors) {
      // Group by message: the first lines of each logged error, without pids.
      if (!/^\w: (\[factmark\]|\(node:|Error|⨯)/.test(line)) continue;
      const key = line.replace(/\(node:\d+\)/, "(node)");
      serverMessages.set(key, (serverMessages.get(key) ?? 0) + 1);
    }
    const rows = summarise(provider, rate, servers, load, verification, {
      cpu,
      drainMs,
      loadAverage,
      serverErrorLines: serverErrors.length,
    });
    printTable(`\n[${label}] collaboration benchmark`, ["metric", "value", "target", "result"], rows);
    printDetails(load, verification, serverMessages);
    return { label, rows };
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/** The p99 of the responses that came back in each window of the run: shows a start-up transient or a stall apart from the steady state. */
function p99ByWindow(load: LoadResult, windowMs: number): string {
  const windows: number[][] = [];
  load.latency.all.forEach((ms, i) => {
    const index = Math.floor((load.latency.answeredAt[i] - load.startedAt) / windowMs);
    (windows[index] ??= []).push(ms);
  });
  return windows.map((window) => (window?.length ? percentiles(window).p99.toFixed(0) : "–")).join(" · ");
}

type RunContext = { cpu: Record<string, number>; drainMs: number; loadAverage: number; serverErrorLines: number };

function summarise(
  provider: Provider,
  rate: number,
  servers: BenchServer[],
  load: LoadResult,
  v: Verification,
  { cpu, drainMs, loadAverage, serverErrorLines }: RunContext,
): Row[] {
  const { result } = load;
  // Until the last acknowledged write: a rate-limited autocannon connection may idle out its last second before it reports done.
  const lastAck = load.acks.reduce((last, ack) => Math.max(last, ack.at), load.startedAt);
  const duration = ((load.acks.length ? lastAck : load.finishedAt) - load.startedAt) / 1000;
  const writes = load.acks.length;
  const writesPerSecond = writes / duration;
  // Keeping up is judged where the offered rate is exact: the connections start over the first
  // second (staggered), so from 1 s to the end every one is running and together they offer
  // `rate` writes/s. The whole-run figure above also counts the ramp-up second at a fraction of it.
  const steadyFrom = load.startedAt + 1000;
  const steadyTo = load.startedAt + SECONDS * 1000;
  const steadyPerSecond = load.acks.filter((ack) => ack.at >= steadyFrom && ack.at < steadyTo).length / (SECONDS - 1);
  const all = percentiles(load.latency.all);
  const create = percentiles(load.latency.create);
  const update = percentiles(load.latency.update);
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, stat]) => `${code}×${stat.count ?? 0}`);
  const conflicts = load.failures.filter((failure) => failure.status === 409).length;
  const lost = v.lostCreates + v.lostUpdates;
  const missedPerSubscriber = v.subscribers.map((check) => check.missed);
  const maxMissed = Math.max(0, ...missedPerSubscriber);
  const totalMissed = missedPerSubscriber.reduce((sum, n) => sum + n, 0);
  const withoutEvent = v.subscribers.reduce((sum, check) => sum + check.ackedWithoutEvent, 0);
  const duplicates = v.subscribers.reduce((sum, check) => sum + check.duplicates, 0);
  const unexpected = v.subscribers.reduce((sum, check) => sum + check.unexpected, 0);
  const streamErrors = v.subscribers.filter((check) => check.error).length;
  const expectedPerSubscriber = v.subscribers.map((check) => check.expected);
  const receivedPerSubscriber = v.subscribers.map((check) => check.received);
  const range = (values: number[]) =>
    !values.length
      ? "–"
      : Math.min(...values) === Math.max(...values)
        ? count(values[0] ?? 0)
        : `${count(Math.min(...values))}–${count(Math.max(...values))}`;

  const onSqlite = provider === "sqlite";
  const judged = (ok: boolean) => (onSqlite ? verdict(ok) : "");
  const rows: Row[] = [
    ["provider / app servers", `${provider} / ${servers.length}`, "", ""],
    [
      "load",
      rate
        ? `${result.connections} connections offering ${rate} writes/s in all (each its own second, staggered)`
        : `${result.connections} connections, closed loop (max)`,
      "",
      "",
    ],
    ["connections / articles / subscribers", `${result.connections} / ${ARTICLES} / ${v.subscribers.length}`, "", ""],
    ["measured duration (s), to the last acknowledged write", duration.toFixed(1), "", ""],
    [
      "writes acknowledged (creates + updates)",
      `${count(writes)} (${count(v.ackedCreates)} + ${count(v.ackedUpdates)})`,
      "",
      "",
    ],
    // The issue sets throughput and latency targets for SQLite; on PostgreSQL it asks for the figures and the cross-server lag.
    rate
      ? [
          "throughput (acknowledged writes/s), whole run / 1 s to end: kept up with the offered rate",
          `${writesPerSecond.toFixed(0)} / ${steadyPerSecond.toFixed(0)}`,
          `≥ ${Math.round(KEPT_UP * rate)}`,
          judged(steadyPerSecond >= KEPT_UP * rate),
        ]
      : [
          "throughput (acknowledged writes/s)",
          writesPerSecond.toFixed(0),
          onSqlite ? `≥ ${TARGET.writesPerSecond}` : "",
          judged(writesPerSecond >= TARGET.writesPerSecond),
        ],
    // Closed loop: each connection waits for its answer, so mean latency is fixed by throughput (Little's law).
    ...(rate
      ? []
      : [
          [
            "  connections ÷ throughput = mean latency (ms)",
            `${result.connections} ÷ ${writesPerSecond.toFixed(0)} = ${((1000 * result.connections) / writesPerSecond).toFixed(0)}`,
            "",
            "",
          ] as Row,
        ]),
    rate
      ? [
          "latency p50 / p95 / p99 (ms), all requests",
          triple(all),
          onSqlite ? `p99 ≤ ${TARGET.p99Ms}` : "",
          judged(all.p99 <= TARGET.p99Ms && rate >= TARGET.writesPerSecond),
        ]
      : ["latency p50 / p95 / p99 (ms), all requests (queueing: see the offered-rate run)", triple(all), "", ""],
    ["  without each connection's first request", triple(percentiles(load.latency.later)), "", ""],
    ["  p99 (ms) in each 5 s of the run, in order", p99ByWindow(load, 5000), "", ""],
    ["  POST create p50 / p95 / p99 (ms)", triple(create), "", ""],
    ["  PATCH update p50 / p95 / p99 (ms)", triple(update), "", ""],
    [
      "  autocannon histogram p50 / p97.5 / p99 / max",
      `${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99} / ${result.latency.max}`,
      "",
      "",
    ],
    ["non-2xx responses", statuses.length ? statuses.join(", ") : "0", "0", verdict(result.non2xx === 0)],
    ["  409 conflicts (each connection owns its annotation)", count(conflicts), "0", verdict(conflicts === 0)],
    ["  socket errors / timeouts / pair resets", `${result.errors} / ${result.timeouts} / ${result.resets}`, "", ""],
    [
      "lost writes (acked, not in the database)",
      `${lost} (${v.lostCreates} creates, ${v.lostUpdates} updates)`,
      `${TARGET.lostWrites}`,
      verdict(lost === TARGET.lostWrites),
    ],
    ["  committed but unacknowledged (in flight at stop)", count(v.committedUnacked), "", ""],
    ["  annotations whose audit events ≠ version", count(v.auditMismatches), "0", verdict(v.auditMismatches === 0)],
    ["events expected per subscriber (audit after cursor)", range(expectedPerSubscriber), "", ""],
    ["events received per subscriber", range(receivedPerSubscriber), "", ""],
    [
      "missed events, per subscriber max (total)",
      `${maxMissed} (${totalMissed} over ${v.subscribers.length})`,
      `${TARGET.missedEvents}`,
      verdict(maxMissed === TARGET.missedEvents && streamErrors === 0),
    ],
    ["  acked writes without their event (all subscribers)", count(withoutEvent), "0", verdict(withoutEvent === 0)],
    [
      "  duplicate / unexpected events; broken streams",
      `${duplicates} / ${unexpected}; ${streamErrors}`,
      "0",
      verdict(duplicates + unexpected + streamErrors === 0),
    ],
  ];
  const splits = servers.length > 1 ? ["across servers", "same server"] : ["same server"];
  for (const split of splits) {
    const values = v.lagSinceAck[split] ?? [];
    const lag = percentiles(values);
    const early = values.filter((value) => value < 0).length;
    const isTarget = split === "across servers";
    rows.push([
      `delivery lag since ack p50 / p95 / p99 (ms), ${split}`,
      triple(lag),
      isTarget ? `p99 ≤ ${TARGET.lagP99Ms}` : "",
      isTarget ? verdict(lag.p99 <= TARGET.lagP99Ms) : "",
    ]);
    rows.push([
      `  share arriving before the ack (lag < 0), min lag; ${split}`,
      `${values.length ? ((100 * early) / values.length).toFixed(1) : "–"} %, min ${ms(lag.min)} ms`,
      "",
      "",
    ]);
    rows.push([
      `  lag since the audit row's createdAt (ms), ${split}`,
      triple(v.lagSinceAudit[split]?.length ? percentiles(v.lagSinceAudit[split]) : null),
      "",
      "",
    ]);
  }
  rows.push(["streams drained (last event after load end, ms)", drainMs.toFixed(0), "", ""]);
  const cores = os.availableParallelism();
  rows.push([
    "CPU % of one core during load (postgres: all its processes)",
    Object.entries(cpu)
      .filter(([key]) => key !== "machine" && key !== "other processes")
      .map(([key, value]) => `${key} ${value.toFixed(0)}`)
      .join(", "),
    "",
    "",
  ]);
  rows.push(["machine load average (1 min) before the load", loadAverage.toFixed(2), "", ""]);
  rows.push([
    `machine CPU busy % of ${cores * 100}: all / not this bench`,
    `${cpu.machine.toFixed(0)} / ${cpu["other processes"].toFixed(0)}`,
    "",
    "",
  ]);
  rows.push(["app server stderr lines", count(serverErrorLines), "", ""]);
  return rows;
}

function printDetails(load: LoadResult, v: Verification, serverMessages: Map<string, number>) {
  const failures = new Map<string, number>();
  for (const failure of load.failures) {
    const key = `${failure.kind} ${failure.status} ${failure.body.slice(0, 160)}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  if (failures.size) {
    console.log("non-2xx responses (first kinds):");
    for (const [key, n] of [...failures].slice(0, 5)) console.log(`  ${n}× ${key}`);
  }
  const troubled = v.subscribers.filter(
    (check) => check.missed || check.ackedWithoutEvent || check.duplicates || check.unexpected || check.error,
  );
  if (troubled.length) {
    printTable(
      "subscribers with missed, duplicate or unexpected events:",
      ["subscriber", "server", "expected", "received", "missed", "acked w/o event", "dup", "unexpected", "error"],
      troubled.map((check) => [
        check.name,
        check.server,
        count(check.expected),
        count(check.received),
        count(check.missed),
        count(check.ackedWithoutEvent),
        count(check.duplicates),
        count(check.unexpected),
        check.error ?? "",
      ]),
    );
  }
  if (serverMessages.size) {
    console.log('app server stderr, by message ("aborted"/ECONNRESET: requests in flight when the load stopped):');
    for (const [line, n] of [...serverMessages].slice(0, 8)) console.log(`  ${n}× ${line.slice(0, 220)}`);
  }
}

/** What an interrupted run must still undo: servers, streams, the temp database. */
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the app servers and dropping the bench database…`);
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
  });
}

async function main() {
  ensureProductionBuild();
  const summaries: RunSummary[] = [];
  for (const provider of PROVIDERS) {
    if (provider === "postgresql") {
      const problem = await postgresReachable(process.env.POSTGRES_BENCH_URL || DEFAULT_POSTGRES_BENCH_URL);
      if (problem) {
        console.log(
          `\n[postgresql] SKIPPED: the server does not answer (${problem}); start it (e.g. pg_ctlcluster 15 main start) or set POSTGRES_BENCH_URL`,
        );
        continue;
      }
    }
    for (const rate of RATES) summaries.push(await runProvider(provider, rate));
  }
  if (summaries.length > 1) {
    const base = summaries.reduce((most, summary) => (summary.rows.length > most.rows.length ? summary : most));
    const metrics = base.rows.map((row) => row[0]);
    const rows = metrics.map((metric) => [
      metric,
      ...summaries.flatMap((summary) => {
        const row = summary.rows.find((candidate) => candidate[0] === metric);
        return [row?.[1] ?? "–", row?.[3] ?? ""];
      }),
    ]);
    for (const summary of summaries)
      for (const row of summary.rows)
        if (!metrics.includes(row[0]))
          rows.push([row[0], ...summaries.flatMap((s) => (s === summary ? [row[1], row[3]] : ["–", ""]))]);
    printTable(
      `\nsummary: ${CONNECTIONS} connections, ${SECONDS} s per run (targets: SQLite ≥ ${TARGET.writesPerSecond} writes/s and p99 ≤ ${TARGET.p99Ms} ms; both 0 lost writes and 0 missed events; PostgreSQL cross-server lag p99 ≤ ${TARGET.lagP99Ms} ms)`,
      ["metric", ...summaries.flatMap((summary) => [summary.label, ""])],
      rows,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
