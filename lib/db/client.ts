import type { PrismaClient as GeneratedClient } from "./generated/sqlite/client";
import { databaseTarget, sqliteSynchronous } from "../config/env";
import type { DatabaseTarget } from "./providers";
import { serialSqliteAdapter } from "./sqlite-adapter";
import { prepareSqliteFile } from "./sqlite-files";

/**
 * Both generated clients come from one model, so their APIs are the same; the
 * SQLite one's type stands for both (docs/decisions/003-two-clients-one-model.md).
 */
export type Db = GeneratedClient;

const providers = new WeakMap<object, DatabaseTarget["provider"]>();
const appClients = new WeakSet<object>();

/** Which database a client talks to, for the rare query that must differ. */
export function providerOf(db: object): DatabaseTarget["provider"] {
  return providers.get(db) ?? "sqlite";
}

/**
 * `role: "reader"` is a second, small client for the event streams' reads:
 * under write load they would otherwise queue behind every waiting write
 * (SQLite's one connection, PostgreSQL's pool), and the events would arrive
 * as late as the slowest answer. It only ever reads committed rows.
 */
export async function createDb(
  target: DatabaseTarget,
  { role = "main" }: { role?: "main" | "reader" } = {},
): Promise<Db> {
  const db = await connect(target, role);
  providers.set(db, target.provider);
  return db;
}

async function connect(target: DatabaseTarget, role: "main" | "reader"): Promise<Db> {
  if (target.provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
      import("./generated/sqlite/client"),
      import("@prisma/adapter-better-sqlite3"),
    ]);
    if (role === "main") {
      try {
        prepareSqliteFile(target.file);
      } catch {
        // Cannot create or tighten it (a read-only place): SQLite's own open below reports the problem.
      }
    }
    // timeout: wait for a writer instead of failing with SQLITE_BUSY at once.
    // A reader has its own connection: in WAL mode it reads the last commit while the main one writes.
    const adapter = new PrismaBetterSqlite3({
      url: target.url,
      timeout: 10_000,
      ...(role === "reader" ? { readonly: true } : {}),
    });
    const db = new PrismaClient({ adapter: serialSqliteAdapter(adapter) });
    // WAL: other processes and connections (the CLI, a backup, the reader) can read while this one writes.
    if (role === "main") {
      await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      // Set on every connection: in WAL mode SQLite's build here defaults to NORMAL, which can lose
      // the last acknowledged commits on power loss (docs/decisions/013-backups-and-durability.md).
      await db.$executeRawUnsafe(`PRAGMA synchronous = ${sqliteSynchronous() === "full" ? "FULL" : "NORMAL"}`);
    }
    return db;
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import("./generated/postgresql/client"),
    import("@prisma/adapter-pg"),
  ]);
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: target.url, ...(role === "reader" ? { max: 2 } : {}) }),
  }) as unknown as Db;
}

type CachedClients = { factmarkDb?: Promise<Db>; factmarkReaderDb?: Promise<Db> };
const globalCache = globalThis as unknown as CachedClients;

/** One client per process under `key` (on globalThis: Next may load this module more than once); a failed connect is retried next time. */
function cachedClient(key: keyof CachedClients, connect: () => Promise<Db>): Promise<Db> {
  globalCache[key] ??= connect().catch((error) => {
    globalCache[key] = undefined;
    throw error;
  });
  return globalCache[key];
}

/** The app's one client, chosen by DATABASE_URL at run time (no rebuild). */
export function getDb(): Promise<Db> {
  return cachedClient("factmarkDb", async () => {
    const db = await createDb(currentTarget());
    appClients.add(db);
    return db;
  });
}

/** Whether `db` is this process's (or thread's) getDb() client, not a test's, a script's or a transaction. */
export function isAppClient(db: object): boolean {
  return appClients.has(db);
}

/** The reader client for event streams (see createDb); the main one must exist first (it sets up WAL). */
export function getReaderDb(): Promise<Db> {
  return cachedClient("factmarkReaderDb", () => getDb().then(() => createDb(currentTarget(), { role: "reader" })));
}

export function currentTarget(): DatabaseTarget {
  return databaseTarget();
}
