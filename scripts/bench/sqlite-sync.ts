/**
 * SQLite commit cost, synchronous=FULL against NORMAL (decision 013): one
 * connection in WAL mode commits small transactions (a row of about an
 * annotation's size and an index) for BENCH_SYNC_SECONDS (2) per round, the two
 * settings alternating over BENCH_SYNC_ROUNDS (4) rounds so that a busy
 * neighbour on the machine weighs on both alike. FULL fsyncs the WAL at every
 * commit; NORMAL only at checkpoints. The ratio is the figure: absolute rates
 * depend on the disk, and the app server's own work (HTTP, Prisma) dilutes it
 * (see `npm run bench -- collab` with FACTMARK_SQLITE_SYNCHRONOUS=normal|full).
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

const SECONDS = Number(process.env.BENCH_SYNC_SECONDS || 2);
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS || 4);
// In data/, on the database's own file system: /tmp may be a RAM disk, where fsync costs nothing.
fs.mkdirSync("data", { recursive: true, mode: 0o700 });
const dir = fs.mkdtempSync(path.resolve("data", "bench-sync-"));
const db = new Database(path.join(dir, "bench.db"));
db.pragma("journal_mode = WAL");
db.exec(
  "CREATE TABLE note (id INTEGER PRIMARY KEY, article TEXT NOT NULL, body TEXT NOT NULL); CREATE INDEX note_article ON note(article)",
);
const insert = db.prepare("INSERT INTO note (article, body) VALUES (?, ?)");
const body = "x".repeat(400);

function commitsPerSecond(mode: "FULL" | "NORMAL"): { rate: number; p99: number } {
  db.pragma(`synchronous = ${mode}`);
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    insert.run(`article-${times.length % 10}`, body);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { rate: times.length / SECONDS, p99: times[Math.floor(times.length * 0.99)] };
}

const results: Record<"FULL" | "NORMAL", { rate: number; p99: number }[]> = { FULL: [], NORMAL: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of round % 2 ? (["NORMAL", "FULL"] as const) : (["FULL", "NORMAL"] as const))
    results[mode].push(commitsPerSecond(mode));
}
db.close();
fs.rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`| synchronous | commits/s per round | median | p99 commit (ms), median |`);
console.log(`|---|---|---|---|`);
for (const mode of ["FULL", "NORMAL"] as const) {
  const rates = results[mode].map((result) => result.rate);
  console.log(
    `| ${mode} | ${rates.map((rate) => Math.round(rate)).join(" · ")} | ${Math.round(median(rates))} | ${median(results[mode].map((result) => result.p99)).toFixed(2)} |`,
  );
}
console.log(
  `FULL ÷ NORMAL commit rate: ${(median(results.FULL.map((r) => r.rate)) / median(results.NORMAL.map((r) => r.rate))).toFixed(2)}`,
);
