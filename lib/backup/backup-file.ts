import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createPrivateFile, fsyncFileAndFolder } from "../db/sqlite-files";
import { BackupRefusal } from "./migration-check";

/** Beside the destination, so the final rename stays on one file system (atomic). */
export function partialNameFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.partial-${randomBytes(4).toString("hex")}`);
}

/**
 * Writes a new backup file: `fill` writes into an empty 0600 file beside it and
 * returns the backup's migrations; the file is flushed and only then takes its
 * name, so a file by that name is always a whole backup. Never overwrites one.
 */
export async function writeBackupFile(
  dest: string,
  fill: (partial: string) => string[] | Promise<string[]>,
): Promise<{ migrations: string[]; bytes: number }> {
  if (fs.existsSync(dest)) throw new BackupRefusal("file", `${dest} already exists; name a new file`);
  const partial = partialNameFor(dest);
  createPrivateFile(partial);
  try {
    const migrations = await fill(partial);
    fsyncFileAndFolder(partial);
    fs.renameSync(partial, dest);
    fsyncFileAndFolder(dest);
    return { migrations, bytes: fs.statSync(dest).size };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
