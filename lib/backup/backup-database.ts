import path from "node:path";
import { postgresDatabaseName, type DatabaseTarget } from "../db/providers";
import { backupStamp } from "./migration-check";
import { backupPostgres } from "./postgresql";
import { backupSqlite } from "./sqlite";

export type BackupResult = { file: string; bytes: number; migrations: string[] };

/** Where `backup` writes without a FILE: data/backups/, named by database and UTC time. */
export function defaultBackupFile(target: DatabaseTarget, now = new Date(), cwd = process.cwd()): string {
  const stamp = backupStamp(now);
  if (target.provider === "sqlite")
    return path.join(path.dirname(target.file), "backups", `${path.basename(target.file, ".db")}-${stamp}.db`);
  return path.resolve(cwd, "data/backups", `${postgresDatabaseName(target.url)}-${stamp}.dump`);
}

/** A consistent copy of the database, safe while servers write; the file is 0600 and appears only once complete. */
export async function backupDatabase(target: DatabaseTarget, file = defaultBackupFile(target)): Promise<BackupResult> {
  const dest = path.resolve(file);
  const made =
    target.provider === "sqlite" ? await backupSqlite(target.file, dest) : await backupPostgres(target.url, dest);
  return { file: dest, ...made };
}
