import { currentTarget, getDb, type Db } from "../../db/client";
import { describeConnectionError } from "../../db/connection-errors";
import { pendingMigrations } from "../../db/migration-status";
import type { Provider } from "../../db/providers";
import { dbThreadRunning } from "../../db-thread/on-db-thread";

export type Health = {
  status: "ok" | "unavailable";
  database: { provider: Provider; pendingMigrations: number | null; thread?: "running" };
  reason?: string;
};

/** Whether the app can serve: database reachable and fully migrated. */
export async function getHealth(): Promise<Health> {
  const health = await checkHealth(getDb, currentTarget().provider);
  // Whether writes run on the SQLite database thread (started by the first one): lib/db-thread.
  if (dbThreadRunning()) health.database.thread = "running";
  return health;
}

export async function checkHealth(
  connect: () => Promise<Db>,
  provider: Provider,
  root = process.cwd(),
): Promise<Health> {
  try {
    const db = await connect();
    const pending = await pendingMigrations(db, provider, root);
    if (pending.length) {
      return {
        status: "unavailable",
        database: { provider, pendingMigrations: pending.length },
        reason: `pending migrations: ${pending.join(", ")} (run npm run db:migrate)`,
      };
    }
    return { status: "ok", database: { provider, pendingMigrations: 0 } };
  } catch (error) {
    return {
      status: "unavailable",
      database: { provider, pendingMigrations: null },
      reason: `database unreachable: ${describeConnectionError(error)}`,
    };
  }
}
