import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { dropPostgresDatabase } from "@/lib/db/postgres-admin";
import { postgresDatabaseName, postgresUrlWithDatabase, type DatabaseTarget, type Provider } from "@/lib/db/providers";

export const DEFAULT_POSTGRES_TEST_URL = "postgresql://root@localhost/postgres?host=/var/run/postgresql";

/** The provider this integration project runs against (set by vitest.config.ts). */
export function testProvider(): Provider {
  const provider = process.env.FACTMARK_TEST_PROVIDER;
  if (provider !== "sqlite" && provider !== "postgresql")
    throw new Error("FACTMARK_TEST_PROVIDER must be sqlite or postgresql");
  return provider;
}

export type TestDatabase = { target: DatabaseTarget; drop: () => Promise<void> };

/** A new, empty database of the project's provider: a temp SQLite file or a PostgreSQL database with a random name. */
export function newTestDatabase(provider = testProvider()): TestDatabase {
  const id = randomBytes(6).toString("hex");
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-test-"));
    const file = path.join(dir, "test.db");
    return {
      target: { provider, file, url: `file:${file}` },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = postgresUrlWithDatabase(
    process.env.POSTGRES_TEST_URL || DEFAULT_POSTGRES_TEST_URL,
    `factmark_test_${id}`,
  );
  return { target: { provider, url }, drop: () => dropPostgresDatabase(url) };
}

export type MigratedTestDatabase = TestDatabase & { db: Db; close: () => Promise<void> };

/**
 * Makes the new database `target` a copy of `template` (one provider): a file copy on SQLite,
 * CREATE DATABASE … TEMPLATE on PostgreSQL (which waits up to 5 s for a session still closing on it).
 */
async function copyDatabase(template: DatabaseTarget, target: DatabaseTarget): Promise<void> {
  if (template.provider === "sqlite" && target.provider === "sqlite") {
    // Never over an existing file; the copy keeps the template's owner-only mode.
    fs.copyFileSync(template.file, target.file, fs.constants.COPYFILE_EXCL);
    return;
  }
  if (template.provider !== "postgresql" || target.provider !== "postgresql")
    throw new Error("the template and its copy must be of one provider");
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const client = new pg.Client({ connectionString: postgresUrlWithDatabase(target.url, "postgres") });
  await client.connect();
  try {
    await client.query(
      `CREATE DATABASE ${quote(postgresDatabaseName(target.url))} TEMPLATE ${quote(postgresDatabaseName(template.url))}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with every migration applied and a client on it: a copy of the run's migrated
 * template (tests/support/template-database.ts), or migrated here when no template was provided.
 */
export async function migratedTestDatabase(): Promise<MigratedTestDatabase> {
  const database = newTestDatabase();
  const template = inject("factmarkTemplate");
  if (template) await copyDatabase(template, database.target);
  else await applyPendingMigrations(database.target);
  const db = await createDb(database.target);
  return {
    ...database,
    db,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
