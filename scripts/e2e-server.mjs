// Serves the production build on a fresh SQLite database for Playwright.
// Usage: node scripts/e2e-server.mjs <port>
import fs from "node:fs";
import path from "node:path";
import { root, tsx } from "./bootstrap.mjs";
import { startNextServer } from "./next-server.mjs";

const port = process.argv[2] || "3100";
const dir = path.join(root, `tmp/e2e-${port}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
// The "remote" news pages the import-from-URL tests fetch are served on this machine.
const env = {
  DATABASE_URL: `file:${path.join(dir, "factmark.db")}`,
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://localhost:${port}`,
  FACTMARK_FETCH_PRIVATE_HOSTS: "allow",
};
const code = tsx("scripts/setup.ts", [], { env });
if (code !== 0) process.exit(code);
const server = startNextServer({ port, env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (exitCode) => process.exit(exitCode ?? 0));
