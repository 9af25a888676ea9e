import { currentTarget, getReaderDb, type Db } from "../db/client";
import type { DatabaseTarget } from "../db/providers";
import type { EventBus } from "./bus";
import { PostgresBus } from "./postgres-bus";
import { SqliteBus } from "./sqlite-bus";

export function createBus(target: DatabaseTarget, db: Db): EventBus {
  return target.provider === "postgresql" ? new PostgresBus(target.url) : new SqliteBus(db);
}

const cache = globalThis as unknown as { factmarkBus?: Promise<EventBus> };

/** This app server's bus, by DATABASE_URL. */
export function getBus(): Promise<EventBus> {
  // The SQLite bus only reads the audit table: the reader client keeps it out of the writers' queue.
  cache.factmarkBus ??= getReaderDb().then((db) => createBus(currentTarget(), db));
  return cache.factmarkBus;
}
