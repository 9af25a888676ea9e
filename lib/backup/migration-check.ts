/**
 * Which migrations a backup was made at, and whether this code can restore
 * it. Pure: the SQLite and PostgreSQL sides read the names their own way.
 */

/** A refusal to back up or restore: `subject: problem`, one line for the person at the terminal. */
export class BackupRefusal extends Error {
  constructor(subject: string, problem: string) {
    super(`${subject}: ${problem}`);
  }
}

/**
 * A backup taken by a newer Factmark has tables or columns this code does not
 * know, and its migrations cannot be undone here: refuse it, naming them.
 */
export function refuseNewerMigrations(applied: readonly string[], known: readonly string[]): void {
  if (!applied.length) throw new BackupRefusal("file", "not a Factmark backup: it records no applied migrations");
  const knownSet = new Set(known);
  const unknown = applied.filter((name) => !knownSet.has(name));
  if (unknown.length) {
    throw new BackupRefusal(
      "file",
      `comes from a newer version of Factmark (migration${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} unknown here); update Factmark, then restore`,
    );
  }
}

type MigrationRow = { migration_name: string | null; finished_at: string | null; rolled_back_at: string | null };

/** Applied = finished and not rolled back, as Prisma counts them; oldest first (names start with their time). */
export function appliedNames(rows: readonly MigrationRow[]): string[] {
  return rows
    .filter((row) => row.migration_name && row.finished_at !== null && row.rolled_back_at === null)
    .map((row) => row.migration_name!)
    .sort();
}

/**
 * The `_prisma_migrations` rows in pg_restore's SQL output
 * (`pg_restore --data-only --table=_prisma_migrations --file=-`): a COPY block of
 * tab-separated text, `\N` for NULL. Undefined when the dump has no such table.
 */
export function parseMigrationsCopy(sql: string): MigrationRow[] | undefined {
  const lines = sql.split("\n");
  const start = lines.findIndex((line) => /^COPY [\w."]*_prisma_migrations"? \(.*\) FROM stdin;$/.test(line));
  if (start < 0) return undefined;
  const columns = /\((.*)\)/
    .exec(lines[start])![1]
    .split(", ")
    .map((name) => name.replace(/^"|"$/g, ""));
  const rows: MigrationRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const values = line.split("\t").map((value) => (value === "\\N" ? null : value));
    const row = Object.fromEntries(columns.map((column, index) => [column, values[index] ?? null]));
    rows.push({ migration_name: row.migration_name, finished_at: row.finished_at, rolled_back_at: row.rolled_back_at });
  }
  return rows;
}

/** 2026-11-30T12:34:56.789Z → 20261130T123456Z: sorts by time, safe in file and database names. */
export function backupStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}
