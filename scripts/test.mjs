// npm test: sets up what the suites need, then runs every suite and reports each.
// Type check, lint, unit, integration on SQLite and on PostgreSQL, Playwright e2e.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { ensureBuild, ensureDependencies, requireNode, root, run, say, tsx } from "./bootstrap.mjs";

requireNode();
ensureDependencies();
if (tsx("scripts/db/generate.ts") !== 0) process.exit(1);
if (tsx("scripts/word-vectors.ts") !== 0) process.exit(1);

const postgresUrl = startPostgres();
ensureChromium();

const bin = (name) => `node_modules/.bin/${name}`;
// The type check and lint each keep one core busy: on the 2-core machine they run side by side (about 12 s saved).
say("── type check and lint, side by side ──");
const [typeCheck, lint] = await Promise.all([
  timed(() => runAsync(bin("tsc"), ["--noEmit"])),
  // Lint includes the formatter: a file Prettier would change fails the suite (npm run format fixes it).
  timed(
    async () =>
      (await runAsync(bin("eslint"), ["--max-warnings=0", "."])) || runAsync(bin("prettier"), ["--check", "."]),
  ),
]);
const results = [
  { name: "type check", ...typeCheck },
  { name: "lint", ...lint },
];
const suites = [
  ["unit", () => run(bin("vitest"), ["run", "--project", "unit"])],
  // Built before the integration suites: the PostgreSQL one starts two real app servers.
  ["production build", () => ensureBuild()],
  ["integration (SQLite)", () => run(bin("vitest"), ["run", "--project", "integration-sqlite"])],
  [
    "integration (PostgreSQL)",
    () =>
      run(bin("vitest"), ["run", "--project", "integration-postgresql"], { env: { POSTGRES_TEST_URL: postgresUrl } }),
  ],
  ["end-to-end (Chromium)", () => run(bin("playwright"), ["test"])],
];

for (const [name, runSuite] of suites) {
  say(`── ${name} ──`);
  const started = Date.now();
  let code;
  try {
    code = runSuite();
  } catch (error) {
    console.error(error);
    code = 1;
  }
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

say("── summary ──");
for (const result of results)
  say(`${result.ok ? "PASS" : "FAIL"}  ${result.name.padEnd(26)} ${result.seconds.toFixed(1)} s`);
const failed = results.filter((result) => !result.ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** A suite run without waiting, its output shown as it comes; resolves to its exit code. */
function runAsync(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(error);
      resolve(1);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function timed(runSuite) {
  const started = Date.now();
  const code = await runSuite();
  return { ok: code === 0, seconds: (Date.now() - started) / 1000 };
}

// POSTGRES_TEST_URL and CHROMIUM_PATH are test-only knobs, read here raw (decision 001): not app settings.

/**
 * Starts the machine's PostgreSQL cluster (installed but stopped here) and
 * makes a superuser role for this user; returns the URL tests make databases on.
 * Without a PostgreSQL server the PostgreSQL suite fails, saying so: it is never skipped.
 */
function startPostgres() {
  const user = os.userInfo().username;
  const url = process.env.POSTGRES_TEST_URL || `postgresql://${user}@localhost/postgres?host=/var/run/postgresql`;
  if (process.env.POSTGRES_TEST_URL) return url;
  const clusters = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  if (clusters.error || clusters.status !== 0) {
    say("PostgreSQL is not installed (no pg_lsclusters): apt-get install postgresql, or set POSTGRES_TEST_URL");
    return url;
  }
  const [version, cluster, , status] = clusters.stdout.trim().split("\n")[0]?.split(/\s+/) ?? [];
  if (!version) {
    say("PostgreSQL has no cluster: pg_createcluster <version> main");
    return url;
  }
  if (status !== "online") {
    say(`starting PostgreSQL ${version}/${cluster}…`);
    spawnSync("pg_ctlcluster", [version, cluster, "start"], { stdio: "inherit" });
  }
  if (user === "root") {
    // "already exists" on every run after the first: fine.
    spawnSync("su", ["postgres", "-c", `createuser -s ${user}`], { stdio: "ignore" });
  }
  return url;
}

/** Debian's Chromium for Playwright; Playwright's own browser download cannot work here. */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  say("installing Chromium from Debian's packages…");
  const sudo = os.userInfo().uid === 0 ? [] : ["sudo"];
  const apt = (args) =>
    spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "chromium"]);
  if (!fs.existsSync(chromium)) say(`Chromium is still missing at ${chromium}; the end-to-end suite will fail`);
}
