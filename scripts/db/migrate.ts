// npm run db:migrate: applies pending migrations to the database DATABASE_URL names.
import { databaseTarget } from "../../lib/config/env";
import { loadLocalEnv } from "../../lib/config/local-env";
import { describeConnectionError } from "../../lib/db/connection-errors";
import { generateClients } from "../../lib/db/generate-clients";
import { applyPendingMigrations, MigrationError } from "../../lib/db/migrations";

try {
  loadLocalEnv();
  const target = databaseTarget();
  generateClients();
  const applied = await applyPendingMigrations(target);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} catch (error) {
  const known = error instanceof MigrationError || (error instanceof Error && error.message.startsWith("DATABASE_URL"));
  console.error(
    known ? (error as Error).message : `DATABASE_URL: cannot use the database: ${describeConnectionError(error)}`,
  );
  process.exit(1);
}
// Connection pools would keep the process alive for their idle timeout.
process.exit(0);
