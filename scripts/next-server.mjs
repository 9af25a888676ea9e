// Plain Node, no dependencies (npm start loads it before node_modules exists): the one way our
// scripts and tests run Next.js, `next build` and the server, so every server gets the same flags.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(root, "node_modules/next/dist/bin/next");

/** Node flags for every app server (npm start, e2e, integration tests, benchmarks): see scripts/server-node-flags.json. */
export const serverNodeFlags = JSON.parse(
  fs.readFileSync(path.join(root, "scripts/server-node-flags.json"), "utf8"),
).flags;

// The whole environment goes to Next (it reads the settings through lib/config/env.ts), telemetry off.
const nextEnv = (env) => ({ ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" });

/** `next build`, output shown; returns its exit code. */
export function buildNext(env = {}) {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: root, stdio: "inherit", env: nextEnv(env) });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * `next start` (the production build), or `next dev` when `dev`, with the server's node flags on
 * `port`, and on `host` when given (next alone listens on every interface); `env` goes over this
 * process's environment. Returns the child; the caller waits for it to be ready.
 */
export function startNextServer({ port, host, dev = false, env = {}, nodeArgs = [], stdio = "inherit" }) {
  const args = [
    ...serverNodeFlags,
    ...nodeArgs,
    NEXT_BIN,
    dev ? "dev" : "start",
    "-p",
    String(port),
    ...(host ? ["-H", host] : []),
  ];
  return spawn(process.execPath, args, { cwd: root, stdio, env: nextEnv(env) });
}
