import pg from "pg";
import { postgresDatabaseName, postgresUrlWithDatabase } from "./providers";

/** Runs fn on a connection to the server's maintenance database. */
async function withMaintenanceConnection<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: postgresUrlWithDatabase(url, "postgres"),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = postgresDatabaseName(url);
  await withMaintenanceConnection(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Another process created it between the check and now.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  });
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = postgresDatabaseName(url);
  await withMaintenanceConnection(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Whether the database exists, and how many sessions other than ours are connected to it. */
export async function postgresDatabaseUse(url: string): Promise<{ exists: boolean; otherSessions: number }> {
  const name = postgresDatabaseName(url);
  return withMaintenanceConnection(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    const sessions = await client.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    return { exists: Boolean(found.rowCount), otherSessions: Number(sessions.rows[0].count) };
  });
}

export async function createPostgresDatabase(url: string): Promise<void> {
  await withMaintenanceConnection(url, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(postgresDatabaseName(url))}`),
  );
}

/**
 * Renames databases in order, on one connection (PostgreSQL refuses to rename
 * a database anyone is connected to: code 55006).
 */
export async function renamePostgresDatabases(
  url: string,
  renames: readonly { from: string; to: string }[],
): Promise<void> {
  await withMaintenanceConnection(url, async (client) => {
    for (const { from, to } of renames)
      await client.query(`ALTER DATABASE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
  });
}
