import path from "node:path";
import { readMigrationDirs } from "../db/migration-files";
import { applyPendingMigrations } from "../db/migrations";
import type { DatabaseTarget } from "../db/providers";
import { restorePostgres } from "./postgresql";
import { restoreSqlite } from "./sqlite";

export type RestoreResult = {
  /** Migrations the backup had. */
  migrations: string[];
  /** Applied after restoring, because the backup is older than this code. */
  applied: string[];
  /** The previous database: a file beside it (SQLite) or a database on the same server (PostgreSQL). */
  keptAs?: string;
};

/**
 * Replaces the database with a backup, with every server stopped; refuses a
 * backup from a newer Factmark, then brings an older one up to this code's
 * migrations.
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  root = process.cwd(),
): Promise<RestoreResult> {
  const known = readMigrationDirs(target.provider, root).map((dir) => dir.name);
  const backup = path.resolve(file);
  const restored =
    target.provider === "sqlite"
      ? restoreSqlite(target.file, backup, known)
      : await restorePostgres(target.url, backup, known);
  const applied = await applyPendingMigrations(target, root);
  return { ...restored, applied };
}
