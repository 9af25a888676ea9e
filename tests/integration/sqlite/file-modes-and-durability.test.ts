import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrations";
import type { DatabaseTarget } from "@/lib/db/providers";

// The SQLite database holds password and token hashes and unpublished work: owner-only files.
// And its writing connections fsync every commit (synchronous=FULL) unless told otherwise.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.FACTMARK_SQLITE_SYNCHRONOUS;
});

function sqliteTarget(...segments: string[]): DatabaseTarget & { provider: "sqlite" } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-modes-"));
  dirs.push(dir);
  const file = path.join(dir, ...segments);
  return { provider: "sqlite", file, url: `file:${file}` };
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("SQLite files", () => {
  it("are created 0600 (database, -wal, -shm) in a new folder created 0700, whatever the umask", async () => {
    const target = sqliteTarget("data", "factmark.db");
    const umask = process.umask(0o022);
    try {
      await applyPendingMigrations(target);
      const db = await createDb(target);
      await db.user.create({ data: { email: "mode@example.org", name: "Mode", role: "EDITOR" } });
      expect(fs.existsSync(`${target.file}-wal`)).toBe(true);
      expect(fs.existsSync(`${target.file}-shm`)).toBe(true);
      expect({
        db: modeOf(target.file),
        wal: modeOf(`${target.file}-wal`),
        shm: modeOf(`${target.file}-shm`),
        dir: modeOf(path.dirname(target.file)),
      }).toEqual({
        db: 0o600,
        wal: 0o600,
        shm: 0o600,
        dir: 0o700,
      });
      await db.$disconnect();
    } finally {
      process.umask(umask);
    }
  });

  it("an existing database others could read is made 0600 when the app opens it", async () => {
    const target = sqliteTarget("old.db");
    await applyPendingMigrations(target);
    fs.chmodSync(target.file, 0o644);
    const db = await createDb(target);
    await db.user.count();
    expect(modeOf(target.file)).toBe(0o600);
    await db.$disconnect();
  });
});

describe("SQLite durability", () => {
  const synchronousOf = async (target: DatabaseTarget) => {
    const db = await createDb(target);
    const [row] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    await db.$disconnect();
    return Number(row.synchronous);
  };

  it("writes with synchronous=FULL by default, also when reopening a database already in WAL mode", async () => {
    const target = sqliteTarget("durable.db");
    await applyPendingMigrations(target);
    expect(await synchronousOf(target)).toBe(2);
    // Reopened in WAL mode, this SQLite build would fall back to NORMAL (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1).
    expect(await synchronousOf(target)).toBe(2);
  });

  it("writes with synchronous=NORMAL when FACTMARK_SQLITE_SYNCHRONOUS=normal", async () => {
    const target = sqliteTarget("fast.db");
    await applyPendingMigrations(target);
    process.env.FACTMARK_SQLITE_SYNCHRONOUS = "normal";
    expect(await synchronousOf(target)).toBe(1);
  });
});
