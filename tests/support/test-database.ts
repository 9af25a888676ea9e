import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { dropPostgresDatabase } from "@/lib/db/postgres-admin";
import { postgresUrlWithDatabase, type DatabaseTarget, type Provider } from "@/lib/db/providers";

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

/** A fresh database with every migration applied and a client on it. */
export async function migratedTestDatabase(): Promise<MigratedTestDatabase> {
  const database = newTestDatabase();
  await applyPendingMigrations(database.target);
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
