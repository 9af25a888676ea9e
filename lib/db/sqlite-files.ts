import fs from "node:fs";
import path from "node:path";

/** The files SQLite keeps beside a database while it is open (WAL mode) or mid-transaction. */
export const SQLITE_COMPANION_SUFFIXES = ["-wal", "-shm", "-journal"] as const;

/** Owner only: the database holds password hashes, token hashes and unpublished work. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Makes a SQLite database file owner-only before SQLite opens it. SQLite
 * creates a new database with 0644 (less the umask), but gives its -wal and
 * -shm files the mode of the database file, so creating the file 0600 first
 * keeps all three private. A missing folder is created 0700 (an existing one is
 * left as the admin set it); an existing database that others can read (made
 * before this rule) is tightened. Only migrating creates the folder
 * (`createFolder`): the app opening a database in a missing folder fails as
 * before, as "unreachable".
 */
export function prepareSqliteFile(file: string, { createFolder = false } = {}): void {
  if (createFolder) fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  else if (!fs.existsSync(path.dirname(file))) return;
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  for (const name of [file, ...SQLITE_COMPANION_SUFFIXES.map((suffix) => file + suffix)]) tighten(name);
}

function tighten(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    // Missing companions are normal; a file owned by someone else is left for its owner.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "EPERM") throw error;
  }
}

/** A new, empty file only the owner can read; fails if it exists (never overwrites a backup). */
export function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE_MODE));
}

/** Flushes a file, then its folder's entry, to disk: a rename is durable only once the folder is. */
export function fsyncFileAndFolder(file: string): void {
  for (const [name, flags] of [
    [file, "r+"],
    [path.dirname(file), "r"],
  ] as const) {
    const fd = fs.openSync(name, flags);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
