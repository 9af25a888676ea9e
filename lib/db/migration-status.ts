import type { Db } from "./client";
import { readMigrationDirs } from "./migration-files";
import type { Provider } from "./providers";

/**
 * Migrations in the repository that the database has not finished applying.
 * Read straight from Prisma's own _prisma_migrations table, so the running app
 * needs no schema engine to answer it.
 */
export async function pendingMigrations(db: Db, provider: Provider, root = process.cwd()): Promise<string[]> {
  const known = readMigrationDirs(provider, root).map((dir) => dir.name);
  const applied = await appliedMigrationNames(db);
  return known.filter((name) => !applied.has(name));
}

async function appliedMigrationNames(db: Db): Promise<Set<string>> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    // A database that was never migrated has no such table: everything is pending.
    if (/_prisma_migrations/.test(String((error as Error).message))) return new Set();
    throw error;
  }
}
