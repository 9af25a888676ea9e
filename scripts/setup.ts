// Everything `npm start` needs before the server starts, idempotent:
// local secret, configuration check, Prisma clients, word vectors, migrations, first-run demo data.
// Exits 1 with one line naming the problem when something is wrong.
import { ConfigError, databaseTarget, env } from "../lib/config/env";
import { ensureLocalSecret, loadLocalEnv } from "../lib/config/local-env";
import { createDb } from "../lib/db/client";
import { describeConnectionError } from "../lib/db/connection-errors";
import { generateClients } from "../lib/db/generate-clients";
import { applyPendingMigrations, MigrationError } from "../lib/db/migrations";
import { demoAccounts } from "../lib/server/demo/demo-accounts";
import { seedDemo } from "../lib/server/demo/seed-demo";
import { ensureWordVectorFiles } from "../lib/server/claims/word-vectors-file";

const say = (line: string) => console.log(`[factmark] ${line}`);

try {
  if (ensureLocalSecret()) say("generated NEXTAUTH_SECRET into .env.local (mode 0600)");
  loadLocalEnv();
  env();
  const target = databaseTarget();
  if (generateClients()) say("generated the Prisma clients");
  writeWordVectors();
  const applied = await applyPendingMigrations(target);
  const where = target.provider === "sqlite" ? `SQLite ${target.file}` : "PostgreSQL";
  say(
    applied.length
      ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
      : `database up to date (${where})`,
  );
  const db = await createDb(target);
  try {
    if (await seedDemo(db, demoAccounts())) say("first run: created the demo users and the demo article");
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError) console.error(`[factmark] ${error.message}`);
  else if (error instanceof Error && /^DATABASE_URL:/.test(error.message)) console.error(`[factmark] ${error.message}`);
  else console.error(`[factmark] DATABASE_URL: cannot use the database: ${describeConnectionError(error)}`);
  process.exit(1);
}
// Connection pools would keep the process alive for their idle timeout.
process.exit(0);

/** Not fatal: without them "Checked before" weighs shared words only (decision 030, "Word vectors"). */
function writeWordVectors() {
  try {
    if (ensureWordVectorFiles()) say("wrote the word vectors for Checked before");
  } catch (error) {
    say(`word vectors: cannot write them (${(error as Error).message}); Checked before weighs shared words only`);
  }
}
