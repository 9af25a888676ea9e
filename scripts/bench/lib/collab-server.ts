import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, waitHealthy } from "../../../tests/support/app-server";
import { buildNext, startNextServer } from "../../next-server.mjs";

/** Builds the production app when there is none (a benchmark of `next dev` would measure the compiler). */
export function ensureProductionBuild(): void {
  if (fs.existsSync(path.resolve(".next/BUILD_ID"))) return;
  console.log("no production build (.next/BUILD_ID): running next build…");
  const status = buildNext();
  if (status !== 0) throw new Error(`next build failed (exit ${status})`);
}

export type BenchServer = {
  label: string;
  url: string;
  port: number;
  pid: number;
  /** What the server wrote to stderr (errors the app logs, e.g. "[factmark] event stream: …"). */
  stderr: () => string;
  stop: () => Promise<void>;
};

/**
 * `next start` of the production build on a free loopback port against the
 * given database, as tests/support/app-server.ts does, but keeping the pid
 * (for CPU accounting) and the stderr (for errors the app logs under load).
 */
export async function startBenchServer(
  label: string,
  databaseUrl: string,
  secret = randomBytes(32).toString("hex"),
  fixedPort?: number,
  /** More settings for this server (over the bench's environment), e.g. to compare with a feature off. */
  settings: Record<string, string> = {},
): Promise<BenchServer> {
  // A fixed port where the machine's users share out ports (BENCH_PORT in the workbench bench); else any free one.
  const port = fixedPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS: extra node flags for the app servers, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile them.
  const child = startNextServer({
    port,
    host: "127.0.0.1",
    nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
    env: { ...settings, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    if (stderr.length < 200_000) stderr += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  await waitHealthy(child, url, () => stderr, 60_000, stop);
  return { label, url, port, pid: child.pid!, stderr: () => stderr, stop };
}

const CLOCK_TICKS = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(result.stdout?.trim()) || 100;
})();

type ProcStat = { pid: number; ppid: number; comm: string; cpuSeconds: number };

function readStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // After "pid (comm) ": state ppid … utime(14th overall → index 11 here) stime(12).
    return { pid, ppid: Number(fields[1]), comm, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

function allStats(): ProcStat[] {
  if (!fs.existsSync("/proc")) return [];
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

/** CPU seconds the whole machine has spent busy (all cores, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal || 0)) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by each process tree (root pid and descendants) and by every `postgres` process. */
export function cpuSnapshot(roots: Record<string, number>): Record<string, number> {
  const stats = allStats();
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
  const tree = (pid: number): number =>
    (byPid.get(pid)?.cpuSeconds ?? 0) + (children.get(pid) ?? []).reduce((sum, child) => sum + tree(child.pid), 0);
  const snapshot: Record<string, number> = {};
  for (const [label, pid] of Object.entries(roots)) snapshot[label] = tree(pid);
  snapshot.machine = machineBusySeconds();
  snapshot.postgres = stats.filter((stat) => stat.comm === "postgres").reduce((sum, stat) => sum + stat.cpuSeconds, 0);
  return snapshot;
}
