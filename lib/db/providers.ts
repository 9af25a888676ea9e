import path from "node:path";

export type Provider = "sqlite" | "postgresql";
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

export type DatabaseTarget =
  { provider: "sqlite"; url: string; file: string } | { provider: "postgresql"; url: string };

export const DEFAULT_SQLITE_FILE = "data/factmark.db";

/**
 * Which database a DATABASE_URL names. No URL means the embedded SQLite file,
 * so a laptop needs no set-up; `file:` URLs pick another SQLite file.
 * Throws an Error whose message names DATABASE_URL and the problem.
 */
export function resolveDatabase(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = databaseUrl?.trim();
  if (!raw) return sqliteTarget(path.resolve(cwd, DEFAULT_SQLITE_FILE));
  if (raw.startsWith("file:")) {
    const file = raw.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new Error("DATABASE_URL: a file: URL needs a path, e.g. file:./data/factmark.db");
    return sqliteTarget(path.resolve(cwd, file));
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error("DATABASE_URL: not a valid URL (expected postgresql://user@host/dbname)");
    }
    if (parsed.pathname.length <= 1) {
      throw new Error("DATABASE_URL: the PostgreSQL URL names no database (expected postgresql://user@host/dbname)");
    }
    return { provider: "postgresql", url: raw };
  }
  throw new Error(
    "DATABASE_URL: must start with postgresql://, postgres:// or file: (leave it unset for the embedded SQLite database)",
  );
}

function sqliteTarget(file: string): DatabaseTarget {
  return { provider: "sqlite", url: `file:${file}`, file };
}

/** The database name of a PostgreSQL URL, decoded. */
export function postgresDatabaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The same server, another database (used to create or drop databases). */
export function postgresUrlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
