import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresDatabaseUse,
  renamePostgresDatabases,
} from "../db/postgres-admin";
import { postgresDatabaseName, postgresUrlWithDatabase } from "../db/providers";
import { PRIVATE_FILE_MODE } from "../db/sqlite-files";
import { writeBackupFile } from "./backup-file";
import {
  appliedNames,
  backupStamp,
  BackupRefusal,
  parseMigrationsCopy,
  refuseNewerMigrations,
} from "./migration-check";

/**
 * PostgreSQL backup and restore with PostgreSQL's own tools
 * (docs/decisions/013-backups-and-durability.md). pg_dump reads one snapshot,
 * so the dump holds every transaction committed before it started and none
 * after, while the servers keep writing.
 */

/** What an admin runs by hand where the tools are missing (also in the README). */
export const MANUAL_BACKUP = 'pg_dump --format=custom --file=FILE "$DATABASE_URL"';
export const MANUAL_RESTORE =
  'pg_restore --exit-on-error --no-owner --no-privileges --dbname="$DATABASE_URL" FILE (into an empty database)';

export async function backupPostgres(url: string, dest: string): Promise<{ migrations: string[]; bytes: number }> {
  await requireTool("pg_dump", MANUAL_BACKUP);
  return writeBackupFile(dest, async (partial) => {
    await run("pg_dump", ["--format=custom", `--file=${partial}`], url, "pg_dump");
    // pg_dump rewrites the file it was given; keep it owner-only whatever it did.
    fs.chmodSync(partial, PRIVATE_FILE_MODE);
    return dumpMigrations(partial, "the dump");
  });
}

/**
 * Restores into a new database beside the configured one, then swaps names:
 * the configured name now holds the backup, the old database is kept as
 * `<name>_before_restore_<time>`. Refused while anyone is connected (a running
 * server); PostgreSQL itself refuses the rename if someone connects meanwhile.
 * The caller applies newer migrations.
 */
export async function restorePostgres(
  url: string,
  backup: string,
  knownMigrations: readonly string[],
): Promise<{ migrations: string[]; keptAs?: string }> {
  await requireTool("pg_restore", MANUAL_RESTORE);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile())
    throw new BackupRefusal("file", `no such file: ${backup}`);
  const migrations = await dumpMigrations(backup, "the backup");
  refuseNewerMigrations(migrations, knownMigrations);

  const name = postgresDatabaseName(url);
  const use = await settledUse(url);
  if (use.otherSessions) throw inUse(name, use.otherSessions);

  const stamp = backupStamp().toLowerCase();
  const restoring = postgresUrlWithDatabase(url, `${name.slice(0, 40)}_restoring_${stamp}`);
  const keptAs = use.exists ? `${name.slice(0, 40)}_before_restore_${stamp}` : undefined;
  try {
    await createPostgresDatabase(restoring);
  } catch (error) {
    throw new BackupRefusal(
      "restore",
      `cannot create a database to restore into (${(error as Error).message}); the role needs CREATEDB, or restore by hand: ${MANUAL_RESTORE}`,
    );
  }
  try {
    await run("pg_restore", ["--exit-on-error", "--no-owner", "--no-privileges", backup], restoring, "file");
    await renamePostgresDatabases(url, [
      ...(keptAs ? [{ from: name, to: keptAs }] : []),
      { from: postgresDatabaseName(restoring), to: name },
    ]);
  } catch (error) {
    await dropPostgresDatabase(restoring).catch(() => undefined);
    if ((error as { code?: string }).code === "55006") throw inUse(name, 1);
    throw error;
  }
  return { migrations, keptAs };
}

/**
 * A session that just ended (a pg_dump a moment ago) is still listed for a
 * few milliseconds while its backend exits; a server's pool stays. So a
 * session must still be there after 2 s to count.
 */
async function settledUse(url: string): Promise<Awaited<ReturnType<typeof postgresDatabaseUse>>> {
  let use = await postgresDatabaseUse(url);
  for (let waited = 0; use.otherSessions && waited < 2000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    use = await postgresDatabaseUse(url);
  }
  return use;
}

const inUse = (name: string, sessions: number) =>
  new BackupRefusal(
    "restore",
    `the database ${name} is in use (${sessions} other connection${sessions > 1 ? "s" : ""}): stop every Factmark server using it, then restore`,
  );

/** The applied migrations recorded in a custom-format dump, or a refusal: not such a dump, or not Factmark's. */
async function dumpMigrations(file: string, what: string): Promise<string[]> {
  const sql = await run(
    "pg_restore",
    ["--data-only", "--table=_prisma_migrations", "--file=-", file],
    undefined,
    "file",
  );
  const rows = parseMigrationsCopy(sql);
  if (!rows) throw new BackupRefusal("file", `${what} is not a Factmark database dump (no _prisma_migrations table)`);
  return appliedNames(rows);
}

async function requireTool(tool: string, manual: string): Promise<void> {
  try {
    await promisify(execFile)(tool, ["--version"]);
  } catch {
    throw new BackupRefusal(
      tool,
      `not found on PATH; install PostgreSQL's client tools (apt-get install postgresql-client, the server's version or newer), or run: ${manual}`,
    );
  }
}

/**
 * Runs a PostgreSQL tool, connecting to `url` when given. The password goes in
 * the environment, not the arguments, where `ps` would show it to everyone.
 * A failure is a refusal on `subject` with the tool's first error line.
 */
async function run(tool: string, args: string[], url: string | undefined, subject: string): Promise<string> {
  const env = { ...process.env };
  const connection: string[] = [];
  if (url) {
    const parsed = new URL(url);
    if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = "";
    connection.push(`--dbname=${parsed.toString()}`);
  }
  try {
    const { stdout } = await promisify(execFile)(tool, [...connection, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")[0];
    throw new BackupRefusal(subject, `${tool} failed: ${detail}`);
  }
}
