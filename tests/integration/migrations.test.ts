import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { diffModels, readMigratedModel } from "@/lib/db/migration-diff";
import { pendingMigrations } from "@/lib/db/migration-status";
import { applyPendingMigrations, MigrationError, wrapInTransaction } from "@/lib/db/migrations";
import fs from "node:fs";
import { newTestDatabase, testProvider, type TestDatabase } from "../support/test-database";
import { tempMigrationsRoot } from "../support/temp-root";

const provider = testProvider();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function database(): TestDatabase {
  const database = newTestDatabase();
  cleanups.push(database.drop);
  return database;
}

async function client(database: TestDatabase): Promise<Db> {
  const db = await createDb(database.target);
  cleanups.push(() => db.$disconnect());
  return db;
}

const tableNames = async (db: Db): Promise<string[]> => {
  const sql =
    provider === "sqlite"
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
  return (await db.$queryRawUnsafe<{ name: string }[]>(sql)).map((row) => row.name).sort();
};

describe(`migrations on ${provider}`, () => {
  it("apply every migration to a fresh database, then apply nothing on a second run", async () => {
    const target = database().target;
    const all = readMigrationDirs(provider).map((dir) => dir.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(target)).toEqual(all);
    expect(await applyPendingMigrations(target)).toEqual([]);
    const db = await client({ target, drop: async () => {} });
    expect(await pendingMigrations(db, provider)).toEqual([]);
    expect(await tableNames(db)).toEqual(expect.arrayContaining(["User", "ApiToken", "Article", "ArticleRevision", "Annotation", "Source", "Comment", "SignOff", "AuditEvent", "_prisma_migrations"]));
  });

  it("are in sync with prisma/model.prisma (run npm run db:migration after a model change)", async () => {
    const model = fs.readFileSync("prisma/model.prisma", "utf8");
    expect(await diffModels(provider, readMigratedModel(), model)).toBe("");
  });

  it("after a pull that adds a migration, apply only the new one and keep every row", async () => {
    const root = tempMigrationsRoot(provider);
    cleanups.push(root.remove);
    const db0 = database();
    expect(await applyPendingMigrations(db0.target, root.root)).toEqual(root.names);
    const db = await client(db0);
    await db.user.create({ data: { email: "kept@example.org", name: "Kept" } });

    root.addMigration("29990101000000_add_newsdesk", wrapInTransaction(`CREATE TABLE "Newsdesk" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);`));
    expect(await pendingMigrations(db, provider, root.root)).toEqual(["29990101000000_add_newsdesk"]);
    await db.$disconnect(); // SQLite: the engine needs the file to itself, as when npm start migrates before serving.
    expect(await applyPendingMigrations(db0.target, root.root)).toEqual(["29990101000000_add_newsdesk"]);
    const after = await client(db0);
    expect(await after.user.count()).toBe(1);
    expect(await tableNames(after)).toContain("Newsdesk");
  });

  it("a migration that fails midway leaves the database as it was, names itself, and can be fixed and re-applied", async () => {
    const root = tempMigrationsRoot(provider);
    cleanups.push(root.remove);
    const db0 = database();
    await applyPendingMigrations(db0.target, root.root);
    const db = await client(db0);
    await db.user.create({ data: { email: "before@example.org", name: "Before" } });
    const before = await tableNames(db);

    await db.$disconnect();

    const broken = "29990101000000_broken";
    root.addMigration(broken, wrapInTransaction(`CREATE TABLE "Halfway" ("id" TEXT NOT NULL PRIMARY KEY);\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nCREATE TABLE "User" ("id" TEXT);`));
    const failure = await applyPendingMigrations(db0.target, root.root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe(broken);
    expect((failure as Error).message).toContain(broken);
    expect((failure as Error).message).toMatch(/already exists/);
    const afterFailure = await client(db0);
    expect(await tableNames(afterFailure)).toEqual(before);
    expect(await afterFailure.user.findMany({ select: { email: true } })).toEqual([{ email: "before@example.org" }]);
    expect(await pendingMigrations(afterFailure, provider, root.root)).toEqual([broken]);
    await afterFailure.$disconnect();

    root.addMigration(broken, wrapInTransaction(`CREATE TABLE "Halfway" ("id" TEXT NOT NULL PRIMARY KEY);`));
    expect(await applyPendingMigrations(db0.target, root.root)).toEqual([broken]);
    expect(await tableNames(await client(db0))).toContain("Halfway");
  });

  it("create a PostgreSQL database that does not exist yet, or the SQLite file and its folder", async () => {
    const db0 = database();
    if (db0.target.provider === "sqlite") expect(fs.existsSync(db0.target.file)).toBe(false);
    await applyPendingMigrations(db0.target);
    if (db0.target.provider === "sqlite") expect(fs.existsSync(db0.target.file)).toBe(true);
    expect(await (await client(db0)).user.count()).toBe(0);
  });
});
