// Plain Node, no dependencies: runs before node_modules exists on a fresh clone.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildNext } from "./next-server.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function say(line) {
  console.log(`[factmark] ${line}`);
}

/** Runs a command in the project folder, output shown, with this environment (not a setting read); returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(command, args, options) {
  const code = run(command, args, options);
  if (code !== 0) process.exit(code);
}

export function requireNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`[factmark] Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

const hashFile = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

const dependencyStamp = () => path.join(root, "node_modules/.factmark-lock-hash");

/** Whether node_modules was installed by ensureDependencies from this very package-lock.json. */
export function dependenciesCurrent() {
  const stamp = dependencyStamp();
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hashFile(path.join(root, "package-lock.json"));
}

/** npm ci on a fresh clone, and again whenever package-lock.json changes. */
export function ensureDependencies() {
  if (dependenciesCurrent()) return;
  say("installing dependencies (npm ci)…");
  runOrExit("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  fs.writeFileSync(dependencyStamp(), hashFile(path.join(root, "package-lock.json")));
}

/** Runs a TypeScript script through tsx, from node_modules. */
export function tsx(script, args = [], options) {
  return run(process.execPath, ["--import", "tsx", script, ...args], options);
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "middleware.ts",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/model.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);

function hashTree(hash, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) if (!SKIP.has(name)) hashTree(hash, path.join(entry, name));
  } else {
    hash.update(entry).update(fs.readFileSync(full));
  }
}

/** `next build` only when a source file changed since the last build; returns its exit code (0 when skipped). */
export function ensureBuild() {
  const hash = createHash("sha256");
  for (const entry of BUILD_INPUTS) hashTree(hash, entry);
  const wanted = hash.digest("hex");
  const stamp = path.join(root, ".next/factmark-source-hash");
  if (
    fs.existsSync(path.join(root, ".next/BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === wanted
  )
    return 0;
  say("building the app (next build)…");
  const code = buildNext();
  if (code === 0) fs.writeFileSync(stamp, wanted);
  return code;
}
