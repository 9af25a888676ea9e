import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { diffModels, readMigratedModel } from "@/lib/db/migration-diff";
import { pendingMigrations } from "@/lib/db/migration-status";
import { applyPendingMigrations, MigrationError, wrapInTransaction } from "@/lib/db/migrations";
import fs from "node:fs";
import { newTestDatabase, testProvider, type TestDatabase } from "../support/test-database";
import { tempMigrationsRoot } from "../support/temp-root";
import { migrationsDir } from "@/lib/db/schema-variants";

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
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining([
        "User",
        "ApiToken",
        "Article",
        "ArticleRevision",
        "Annotation",
        "Source",
        "Comment",
        "SignOff",
        "AuditEvent",
        "_prisma_migrations",
      ]),
    );
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

    root.addMigration(
      "29990101000000_add_newsdesk",
      wrapInTransaction(`CREATE TABLE "Newsdesk" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);`, provider),
    );
    expect(await pendingMigrations(db, provider, root.root)).toEqual(["29990101000000_add_newsdesk"]);
    await db.$disconnect(); // SQLite: the engine needs the file to itself, as when npm start migrates before serving.
    expect(await applyPendingMigrations(db0.target, root.root)).toEqual(["29990101000000_add_newsdesk"]);
    const after = await client(db0);
    expect(await after.user.count()).toBe(1);
    expect(await tableNames(after)).toContain("Newsdesk");
  });

  it("the numbering migration keeps every annotation and numbers each article's claims, denials and analyses in reading order", async () => {
    const all = readMigrationDirs(provider).map((dir) => dir.name);
    const numbering = all.find((name) => name.endsWith("_numbers_public_fields"))!;
    const root = tempMigrationsRoot(provider, all.indexOf(numbering));
    cleanups.push(root.remove);
    const db0 = database();
    await applyPendingMigrations(db0.target, root.root);
    const db = await client(db0);
    const run = (sql: string) => db.$executeRawUnsafe(sql);
    await run(
      `INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt") VALUES ('u1', 'u1@example.org', 'U', 'EDITOR', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    for (const article of ["a1", "a2"]) {
      await run(
        `INSERT INTO "Article" ("id", "title", "status", "version", "createdById", "createdAt", "updatedAt") VALUES ('${article}', 'T', 'DRAFT', 1, 'u1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      );
      await run(
        `INSERT INTO "ArticleRevision" ("id", "articleId", "number", "text", "blocks", "createdById", "createdAt") VALUES ('r${article}', '${article}', 1, 'x', '[]', 'u1', CURRENT_TIMESTAMP)`,
      );
    }
    // Inserted out of reading order, so the numbers must come from the spans, not from insertion.
    const rows: [string, string, string, number][] = [
      ["n1", "a1", "CLAIM", 50],
      ["n2", "a1", "CLAIM", 10],
      ["n3", "a1", "ANALYSIS", 30],
      ["n4", "a1", "CLAIM", 90],
      ["n5", "a2", "CLAIM", 5],
      ["n6", "a1", "DENIAL", 70],
    ];
    for (const [id, article, kind, start] of rows) {
      await run(
        `INSERT INTO "Annotation" ("id", "articleId", "revisionId", "kind", "start", "end", "quote", "prefix", "suffix", "note", "status", "version", "createdById", "createdAt", "updatedAt") VALUES ('${id}', '${article}', 'r${article}', '${kind}', ${start}, ${start + 1}, 'x', '', '', '', 'DRAFT', 1, 'u1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      );
    }
    await db.$disconnect();
    root.addMigration(numbering, fs.readFileSync(`${migrationsDir(provider)}/${numbering}/migration.sql`, "utf8"));
    expect(await applyPendingMigrations(db0.target, root.root)).toEqual([numbering]);
    const after = await client(db0);
    const numbers = Object.fromEntries(
      (await after.annotation.findMany({ select: { id: true, number: true } })).map((row) => [row.id, row.number]),
    );
    expect(numbers).toEqual({ n1: 2, n2: 1, n3: 1, n4: 3, n5: 1, n6: 1 });
    const articles = await after.article.findMany({
      orderBy: { id: "asc" },
      select: { id: true, lastClaimNumber: true, lastDenialNumber: true, lastAnalysisNumber: true },
    });
    expect(articles).toEqual([
      { id: "a1", lastClaimNumber: 3, lastDenialNumber: 1, lastAnalysisNumber: 1 },
      { id: "a2", lastClaimNumber: 1, lastDenialNumber: 0, lastAnalysisNumber: 0 },
    ]);
  });

  // SQLite only: the table rebuild (copy, DROP, rename) is how Prisma changes a SQLite table; PostgreSQL alters in place.
  it.runIf(provider === "sqlite")(
    "a SQLite migration that rebuilds a table as Prisma writes it keeps the rows that reference it",
    async () => {
      const root = tempMigrationsRoot(provider);
      cleanups.push(root.remove);
      const db0 = database();
      await applyPendingMigrations(db0.target, root.root);
      const db = await client(db0);
      const user = await db.user.create({ data: { email: "rebuild@example.org", name: "R" } });
      await db.apiToken.create({ data: { userId: user.id, name: "kept", tokenHash: "h", prefix: "fm_x" } });
      await db.$disconnect();
      // What npm run db:migration writes for a changed "User" table (abridged to the columns that exist).
      const rebuild = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" AS SELECT * FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;
      root.addMigration("29990101000000_rebuild_user", wrapInTransaction(rebuild, provider));
      await applyPendingMigrations(db0.target, root.root);
      const after = await client(db0);
      expect(await after.apiToken.count()).toBe(1);
    },
  );

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
    root.addMigration(
      broken,
      wrapInTransaction(
        `CREATE TABLE "Halfway" ("id" TEXT NOT NULL PRIMARY KEY);\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nCREATE TABLE "User" ("id" TEXT);`,
        provider,
      ),
    );
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

    root.addMigration(broken, wrapInTransaction(`CREATE TABLE "Halfway" ("id" TEXT NOT NULL PRIMARY KEY);`, provider));
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
