import pg from "pg";
import { postgresDatabaseName, postgresUrlWithDatabase } from "./providers";

/** Runs fn on a connection to the server's maintenance database. */
async function withMaintenanceConnection<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrlWithDatabase(url, "postgres"), connectionTimeoutMillis: 5000 });
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
  await withMaintenanceConnection(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
