import fs from "node:fs";
import path from "node:path";
import { migrationList, readMigrationDirs } from "./migration-files";
import type { DatabaseTarget, Provider } from "./providers";
import type { EngineHandle } from "./schema-engine";
import { prepareSqliteFile } from "./sqlite-files";
import { providerSchemaPath } from "./schema-variants";

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    detail: string,
  ) {
    super(`migration ${migration} was not applied (the database is as it was before it): ${detail}`);
  }
}

/**
 * Applies pending migrations one at a time, so a failure names its migration.
 * On SQLite the engine locks the file exclusively: no other connection may be
 * open (npm start migrates before the server starts).
 * Each migration runs in a transaction (see wrapInTransaction), and a failed one
 * is marked rolled back, so the database is as it was and a fixed file can be
 * applied on the next run instead of blocking every later deploy.
 */
export async function applyPendingMigrations(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  await ensureDatabaseExists(target);
  const dirs = readMigrationDirs(target.provider, root);
  const applied: string[] = [];
  for (let count = 1; count <= dirs.length; count++) {
    const list = migrationList(target.provider, dirs.slice(0, count), root);
    const outcome = await withEngine<{ names: string[] } | { failure: string }>(target, root, async (handle) => {
      try {
        return {
          names: (await handle.engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS }))
            .appliedMigrationNames,
        };
      } catch (error) {
        return { failure: handle.explain(error) };
      }
    });
    if ("failure" in outcome) {
      // A fresh connection: the failed one may still hold the aborted transaction.
      const name = dirs[count - 1].name;
      await withEngine(target, root, (handle) => handle.engine.markMigrationRolledBack({ migrationName: name })).catch(
        () => undefined,
      );
      throw new MigrationError(name, outcome.failure);
    }
    applied.push(...outcome.names);
  }
  return applied;
}

async function withEngine<T>(
  target: DatabaseTarget,
  root: string,
  fn: (handle: EngineHandle) => Promise<T>,
): Promise<T> {
  const { openSchemaEngine } = await import("./schema-engine");
  const schemaPath = path.join(root, providerSchemaPath(target.provider));
  const handle = await openSchemaEngine(target, schemaPath, fs.readFileSync(schemaPath, "utf8"));
  try {
    return await fn(handle);
  } finally {
    await handle.dispose();
  }
}

/** Creates the SQLite folder or the PostgreSQL database when it is missing. */
export async function ensureDatabaseExists(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    try {
      prepareSqliteFile(target.file, { createFolder: true });
    } catch (error) {
      const folder = path.dirname(target.file);
      const what = fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()
        ? `the SQLite file ${target.file}`
        : `the folder ${folder} for the SQLite file`;
      throw new Error(`DATABASE_URL: cannot create ${what} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    return;
  }
  const { ensurePostgresDatabase } = await import("./postgres-admin");
  await ensurePostgresDatabase(target.url);
}

/**
 * Prisma runs a migration script as it is. Wrapping it makes a failure midway
 * leave nothing behind, on both providers (both have transactional DDL).
 *
 * SQLite: Prisma changes a table by copying it, dropping the old one and
 * renaming the copy, with `PRAGMA foreign_keys=OFF` inside the script; inside a
 * transaction that pragma does nothing, so the DROP would cascade-delete every
 * row that references the table (an article's annotations, sources, comments).
 * Foreign keys are therefore switched off before the transaction begins and on
 * again after it ends.
 */
export function wrapInTransaction(sql: string, provider: Provider): string {
  const body = `-- Factmark: one transaction, so a failure leaves the database as it was.\nBEGIN;\n\n${sql.trim()}\n\nCOMMIT;\n`;
  if (provider !== "sqlite") return body;
  return `-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.\nPRAGMA foreign_keys=OFF;\n${body}PRAGMA foreign_keys=ON;\n`;
}
