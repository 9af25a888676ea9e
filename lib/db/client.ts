import type { PrismaClient as GeneratedClient } from "./generated/sqlite/client";
import { resolveDatabase, type DatabaseTarget } from "./providers";
import { serialSqliteAdapter } from "./sqlite-adapter";

/**
 * Both generated clients come from one model, so their APIs are the same; the
 * SQLite one's type stands for both (docs/decisions/003-two-clients-one-model.md).
 */
export type Db = GeneratedClient;

const providers = new WeakMap<object, DatabaseTarget["provider"]>();

/** Which database a client talks to, for the rare query that must differ. */
export function providerOf(db: object): DatabaseTarget["provider"] {
  return providers.get(db) ?? "sqlite";
}

export async function createDb(target: DatabaseTarget): Promise<Db> {
  const db = await connect(target);
  providers.set(db, target.provider);
  return db;
}

async function connect(target: DatabaseTarget): Promise<Db> {
  if (target.provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
      import("./generated/sqlite/client"),
      import("@prisma/adapter-better-sqlite3"),
    ]);
    // timeout: wait for a writer instead of failing with SQLITE_BUSY at once.
    const db = new PrismaClient({ adapter: serialSqliteAdapter(new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 })) });
    // WAL: other processes (the CLI, a backup) can read while this one writes.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    return db;
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("./generated/postgresql/client"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
}

const globalCache = globalThis as unknown as { factmarkDb?: Promise<Db> };

/** The app's one client, chosen by DATABASE_URL at run time (no rebuild). */
export function getDb(): Promise<Db> {
  globalCache.factmarkDb ??= createDb(resolveDatabase(process.env.DATABASE_URL)).catch((error) => {
    globalCache.factmarkDb = undefined;
    throw error;
  });
  return globalCache.factmarkDb;
}

export function currentTarget(): DatabaseTarget {
  return resolveDatabase(process.env.DATABASE_URL);
}
