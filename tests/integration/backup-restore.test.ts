import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/backup/backup-database";
import { BackupRefusal } from "@/lib/backup/migration-check";
import { restoreDatabase } from "@/lib/backup/restore-database";
import { createDb, type Db } from "@/lib/db/client";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { pendingMigrations } from "@/lib/db/migration-status";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { dropPostgresDatabase, postgresDatabaseUse } from "@/lib/db/postgres-admin";
import { postgresUrlWithDatabase, type DatabaseTarget } from "@/lib/db/providers";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { runCli } from "../support/cli";
import { tempMigrationsRoot } from "../support/temp-root";
import {
  migratedTestDatabase,
  newTestDatabase,
  testProvider,
  type MigratedTestDatabase,
  type TestDatabase,
} from "../support/test-database";

// `npm run cli -- backup` / `restore` against a real production server under write load, on each database.
const provider = testProvider();
const WORDS = Array.from({ length: 400 }, (_, index) => `word${index}`);
const TEXT = WORDS.join(" ");

let source: MigratedTestDatabase;
let server: AppServer;
let token: string;
let articleId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-backup-"));
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  source = await migratedTestDatabase();
  const editor = await createActor(source.db, "EDITOR", "load@example.org");
  token = (await createApiToken(source.db, { actor: editor, input: { name: "load" } })).token;
  articleId = (await createArticle(source.db, { actor: editor, input: { title: "Under load", text: TEXT } })).id;
  server = await startAppServer(source.target.url);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await source?.close();
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty database of this provider, dropped after the file. */
function freshDatabase(): TestDatabase {
  const database = newTestDatabase();
  cleanups.push(database.drop);
  return database;
}

async function withClient<T>(target: DatabaseTarget, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(target);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The database a restore kept aside, dropped after the file (PostgreSQL; on SQLite it sits in the temp folder). */
function forgetKeptAside(target: DatabaseTarget, keptAs: string | undefined) {
  if (target.provider === "postgresql" && keptAs)
    cleanups.push(() => dropPostgresDatabase(postgresUrlWithDatabase(target.url, keptAs)));
}

type Ack = { id: string; at: number };

/** `writers` loops creating annotations through the API until stopped; each acknowledged write with when its answer arrived. */
function writeLoad(writers: number) {
  const acks: Ack[] = [];
  const failures: string[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, writer) => {
    for (let round = 0; running; round++) {
      const word = (writer * 37 + round * 11) % WORDS.length;
      // Each word's first occurrence is itself ("word1" comes before "word10").
      const start = TEXT.indexOf(WORDS[word]);
      const response = await fetch(`${server.url}/api/v1/articles/${articleId}/annotations`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          kind: "ANALYSIS",
          start,
          end: start + WORDS[word].length,
          note: `writer ${writer} round ${round}`,
        }),
      });
      if (response.status === 201)
        acks.push({ id: ((await response.json()) as { id: string }).id, at: performance.now() });
      else failures.push(`${response.status} ${await response.text()}`);
    }
  });
  return {
    acks,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const waitFor = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Restores the backup into a fresh database with the CLI; every write acknowledged before it started is there, and the copy is consistent. */
async function expectRestoreHolds(backupFile: string, ackedBefore: Ack[]) {
  const fresh = freshDatabase();
  const restore = await runCli(fresh.target.url, ["restore", backupFile]);
  expect(restore.stderr).toBe("");
  expect(restore.code).toBe(0);
  expect(restore.stdout).toMatch(/^Restored /);
  await withClient(fresh.target, async (db) => {
    const restored = new Set(
      (await db.annotation.findMany({ where: { articleId }, select: { id: true } })).map((row) => row.id),
    );
    expect(ackedBefore.filter((ack) => !restored.has(ack.id))).toEqual([]);
    // One snapshot: each annotation with its audit event, and no event without its annotation.
    const events = await db.auditEvent.findMany({
      where: { articleId, action: "annotation.created" },
      select: { annotationId: true },
    });
    expect(new Set(events.map((event) => event.annotationId))).toEqual(restored);
    expect(await pendingMigrations(db, provider)).toEqual([]);
    if (provider === "sqlite")
      expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
  if (fresh.target.provider === "sqlite") expect(fs.statSync(fresh.target.file).mode & 0o777).toBe(0o600);
}

describe(`backup and restore on ${provider}`, () => {
  let backupFile: string;

  it("npm run cli -- backup during a write load: a 0600 file whose restore holds every write acknowledged before the backup started", async () => {
    const load = writeLoad(6);
    await waitFor(() => load.acks.length >= 40);
    const backupStartedAt = performance.now();
    const ackedBefore = load.acks.filter((ack) => ack.at < backupStartedAt);
    const backup = await runCli(source.target.url, ["backup", path.join(dir, "under-load.bak")]);
    const backupEndedAt = performance.now();
    // Keep writing a little after, so writes also land between the backup's snapshot and its end.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load.stop();

    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    backupFile = backup.stdout.trim().split("\n").at(-1)!;
    expect(backupFile).toBe(path.join(dir, "under-load.bak"));
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(load.failures).toEqual([]);
    expect(ackedBefore.length).toBeGreaterThanOrEqual(40);
    // The server kept acknowledging writes while the backup ran.
    expect(load.acks.filter((ack) => ack.at > backupStartedAt && ack.at < backupEndedAt).length).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
    await expectRestoreHolds(backupFile, ackedBefore);
  }, 120_000);

  it("a backup holds even the writes acknowledged the instant before it starts (a copy of the SQLite file misses those still in its WAL)", async () => {
    const load = writeLoad(6);
    await waitFor(() => load.acks.length >= 20);
    // In this process, so nothing lies between the last acknowledgement counted and the backup's start.
    const ackedBefore = [...load.acks];
    await backupDatabase(source.target, path.join(dir, "instant.bak"));
    await load.stop();
    expect(load.failures).toEqual([]);
    await expectRestoreHolds(path.join(dir, "instant.bak"), ackedBefore);
  }, 120_000);

  it("restore refuses while a server uses the database, and leaves it as it was", async () => {
    const before = await source.db.annotation.count();
    const result = await runCli(source.target.url, ["restore", backupFile]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^restore: the database \S+ is in use.*stop .*server.*then restore$/);
    expect(await source.db.annotation.count()).toBe(before);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it("restore refuses a backup from a newer version of Factmark, naming the migration, and touches nothing", async () => {
    const newer = await migratedTestDatabase();
    cleanups.push(newer.close);
    await newer.db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', CURRENT_TIMESTAMP, '29991231000000_from_the_future', CURRENT_TIMESTAMP, 1)`,
    );
    const file = path.join(dir, "newer.bak");
    expect((await runCli(newer.target.url, ["backup", file])).code).toBe(0);

    const fresh = freshDatabase();
    const result = await runCli(fresh.target.url, ["restore", file]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^file: comes from a newer version of Factmark \(migration 29991231000000_from_the_future unknown here\); update Factmark, then restore$/,
    );
    if (fresh.target.provider === "sqlite") expect(fs.existsSync(fresh.target.file)).toBe(false);
    else expect((await postgresDatabaseUse(fresh.target.url)).exists).toBe(false);
  });

  it("restore of an older backup keeps the replaced database aside and applies the newer migrations", async () => {
    const older = freshDatabase();
    const root = tempMigrationsRoot(provider, -1);
    cleanups.push(async () => root.remove());
    await applyPendingMigrations(older.target, root.root);
    await withClient(older.target, (db) =>
      db.user.create({ data: { email: "old@example.org", name: "Old", role: "EDITOR" } }),
    );
    const file = path.join(dir, "older.bak");
    const made = await backupDatabase(older.target, file);
    expect(made.migrations).toEqual(root.names);

    const current = await migratedTestDatabase();
    cleanups.push(current.drop);
    await current.db.user.create({ data: { email: "replaced@example.org", name: "Replaced", role: "EDITOR" } });
    await current.db.$disconnect();

    const restored = await restoreDatabase(current.target, file);
    forgetKeptAside(current.target, restored.keptAs);
    expect(restored.applied).toEqual(
      readMigrationDirs(provider)
        .map((dir) => dir.name)
        .slice(root.names.length),
    );
    expect(restored.applied.length).toBeGreaterThan(0);
    await withClient(current.target, async (db) => {
      expect((await db.user.findMany({ select: { email: true } })).map((user) => user.email)).toEqual([
        "old@example.org",
      ]);
      expect(await pendingMigrations(db, provider)).toEqual([]);
    });
    const keptTarget: DatabaseTarget =
      current.target.provider === "sqlite"
        ? { provider: "sqlite", file: restored.keptAs!, url: `file:${restored.keptAs}` }
        : { provider: "postgresql", url: postgresUrlWithDatabase(current.target.url, restored.keptAs!) };
    expect(restored.keptAs).toMatch(/before[-_]restore[-_]\d{8}t\d{6}z$/i);
    await withClient(keptTarget, async (db) =>
      expect((await db.user.findMany({ select: { email: true } })).map((user) => user.email)).toEqual([
        "replaced@example.org",
      ]),
    );
  });

  it("restore refuses a file that is not a backup, naming the file", async () => {
    const file = path.join(dir, "not-a-backup.bak");
    fs.writeFileSync(file, "just some text, not a database dump ".repeat(40));
    const target = freshDatabase().target;
    await expect(restoreDatabase(target, file)).rejects.toThrow(BackupRefusal);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/^file: /);
    await expect(restoreDatabase(target, path.join(dir, "missing.bak"))).rejects.toThrow(/^file: no such file/);
  });
});
