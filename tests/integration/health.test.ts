import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { checkHealth } from "@/lib/server/health/get-health";
import { newTestDatabase, testProvider } from "../support/test-database";

const provider = testProvider();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function clientOn(database: ReturnType<typeof newTestDatabase>) {
  cleanups.push(database.drop);
  const db = await createDb(database.target);
  cleanups.push(() => db.$disconnect());
  return db;
}

describe(`health on ${provider}`, () => {
  it("is ok on a fully migrated database", async () => {
    const database = newTestDatabase();
    await applyPendingMigrations(database.target);
    const db = await clientOn(database);
    expect(await checkHealth(async () => db, provider)).toEqual({
      status: "ok",
      database: { provider, pendingMigrations: 0 },
    });
  });

  it("is unavailable, with the count and names, while migrations are pending", async () => {
    const database = newTestDatabase();
    const { ensureDatabaseExists } = await import("@/lib/db/migrations");
    await ensureDatabaseExists(database.target);
    const db = await clientOn(database);
    const health = await checkHealth(async () => db, provider);
    const all = readMigrationDirs(provider);
    expect(health.status).toBe("unavailable");
    expect(health.database.pendingMigrations).toBe(all.length);
    expect(health.reason).toContain(all[0].name);
  });

  it("is unavailable, with the reason, when the database cannot be reached", async () => {
    const unreachable = async () => {
      const db = await createDb(
        provider === "sqlite"
          ? { provider, file: "/nonexistent-dir/x.db", url: "file:/nonexistent-dir/x.db" }
          : { provider, url: "postgresql://root@127.0.0.1:1/none" },
      );
      await db.$queryRawUnsafe("SELECT 1");
      return db;
    };
    const health = await checkHealth(unreachable, provider);
    expect(health.status).toBe("unavailable");
    expect(health.database.pendingMigrations).toBeNull();
    expect(health.reason).toMatch(/^database unreachable: /);
  });
});
