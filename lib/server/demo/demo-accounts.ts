import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DemoAccount } from "./seed-demo";

export const DEMO_CREDENTIALS_FILE = "data/demo-credentials.json";

const DEMO_USERS: Omit<DemoAccount, "password">[] = [
  { email: "admin@factmark.local", name: "Ada Admin", role: "ADMIN" },
  { email: "editor@factmark.local", name: "Eli Editor", role: "EDITOR" },
  { email: "reviewer@factmark.local", name: "Rae Reviewer", role: "REVIEWER" },
];

/**
 * Demo passwords are random per checkout, never in the repository: made on the
 * first run and kept in data/ (mode 0600) so `npm start` can print them.
 */
export function demoAccounts(root = process.cwd()): DemoAccount[] {
  const file = path.join(root, DEMO_CREDENTIALS_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as DemoAccount[];
  const accounts = DEMO_USERS.map((user) => ({ ...user, password: randomBytes(9).toString("base64url") }));
  // data/ also holds the SQLite database and backups: owner only when created here (on PostgreSQL, first).
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
