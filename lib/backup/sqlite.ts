import fs from "node:fs";
import Database from "better-sqlite3";
import { createPrivateFile, fsyncFileAndFolder, SQLITE_COMPANION_SUFFIXES } from "../db/sqlite-files";
import { partialNameFor, writeBackupFile } from "./backup-file";
import { appliedNames, backupStamp, BackupRefusal, refuseNewerMigrations } from "./migration-check";

/**
 * SQLite backup and restore (docs/decisions/013-backups-and-durability.md).
 *
 * Backup is `VACUUM INTO`: one read transaction, so the copy is the database as
 * of one commit, WAL content included, while the server keeps writing (WAL
 * readers never block writers). The online backup API copies in steps and
 * starts again whenever another connection commits between two steps.
 */
export async function backupSqlite(source: string, dest: string): Promise<{ migrations: string[]; bytes: number }> {
  if (!fs.existsSync(source)) throw new BackupRefusal("DATABASE_URL", `no SQLite database at ${source}`);
  return writeBackupFile(dest, (partial) => {
    copyInto(source, partial);
    return inspect(partial, "the copy").migrations;
  });
}

/**
 * Replaces the database at `file` with the backup, refusing while anything has
 * the database open (a running server). The backup is checked (a SQLite file
 * that passes integrity_check, with no migration this code does not know)
 * before anything is touched; the old database is kept beside as
 * `<file>.before-restore-<time>`. The caller applies newer migrations.
 */
export function restoreSqlite(
  file: string,
  backup: string,
  knownMigrations: readonly string[],
): { migrations: string[]; keptAs?: string } {
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile())
    throw new BackupRefusal("file", `no such file: ${backup}`);
  const { migrations } = inspect(backup, "the backup");
  refuseNewerMigrations(migrations, knownMigrations);

  const partial = partialNameFor(file);
  let lock: Database.Database | undefined;
  try {
    createPrivateFile(partial);
    copyInto(backup, partial);
    inspect(partial, "the copy");
    fsyncFileAndFolder(partial);
    lock = lockExclusively(file);
    const keptAs = lock ? `${file}.before-restore-${backupStamp()}` : undefined;
    if (keptAs) fs.renameSync(file, keptAs);
    // Left from a crash, a -wal would be replayed into the restored file on its next open.
    for (const suffix of SQLITE_COMPANION_SUFFIXES) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(partial, file);
    fsyncFileAndFolder(file);
    return { migrations, keptAs };
  } finally {
    lock?.close();
    fs.rmSync(partial, { force: true });
  }
}

/** A consistent, self-contained copy (no -wal needed), into an empty file (made 0600 beforehand: SQLite would make it 0644). */
function copyInto(source: string, dest: string): void {
  const db = openExisting(source, { readonly: true, timeout: 10_000 });
  try {
    db.prepare("VACUUM INTO ?").run(dest);
  } finally {
    db.close();
  }
}

/** integrity_check passes and the applied migrations, or a refusal naming `what`. */
function inspect(file: string, what: string): { migrations: string[] } {
  const db = openExisting(file, { readonly: true });
  try {
    let messages: string[];
    try {
      messages = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupRefusal("file", `${what} is not a SQLite database (${(error as Error).message})`);
    }
    if (messages.join() !== "ok")
      throw new BackupRefusal("file", `${what} fails SQLite's integrity check: ${messages.slice(0, 3).join("; ")}`);
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) throw new BackupRefusal("file", `${what} is not a Factmark database (no _prisma_migrations table)`);
    const rows = db
      .prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations")
      .all() as Parameters<typeof appliedNames>[0];
    return { migrations: appliedNames(rows) };
  } finally {
    db.close();
  }
}

function openExisting(file: string, options: Database.Options): Database.Database {
  try {
    return new Database(file, { ...options, fileMustExist: true });
  } catch (error) {
    throw new BackupRefusal("file", `cannot open ${file} as a SQLite database (${(error as Error).message})`);
  }
}

/**
 * Proves nothing else has the database open, and keeps it that way until
 * closed. A running server holds its connections open all the time, and in WAL
 * mode every open connection holds a shared lock on the database, so an
 * exclusive lock is granted only when no process has the file open. Then
 * everything in the WAL is written into the file, which leaves WAL mode, so
 * the file kept aside is complete on its own. Undefined when there is no
 * database yet.
 */
function lockExclusively(file: string): Database.Database | undefined {
  if (!fs.existsSync(file)) return undefined;
  const db = openExisting(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    db.pragma("journal_mode = DELETE");
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new BackupRefusal(
        "restore",
        `the database ${file} is in use: stop the Factmark server (and anything else using the file), then restore`,
      );
    }
    throw error;
  }
}
