/**
 * npm run bench [-- name…]: runs every benchmark file in scripts/bench/ (all
 * but this one; helpers live in lib/), each in its own Node process so one
 * benchmark's JIT and heap do not colour the next.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureWordVectorFiles } from "../../lib/server/claims/word-vectors-file";

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .filter((file) => wanted.length === 0 || wanted.includes(path.basename(file, ".ts")))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ")}`);
  process.exit(1);
}
// The servers the benchmarks start read "Checked before"'s word vectors: without them they would measure less work.
ensureWordVectorFiles();
let failed = 0;
for (const file of files) {
  console.log(`── ${path.basename(file, ".ts")} ──`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
