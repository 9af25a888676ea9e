import type { Db } from "./client";

/**
 * State kept per database client (caches, rounds of reads): a module-level
 * map would mix up the clients of different databases, as tests open many.
 */
export function perClient<T>(create: () => T): (db: Db) => T {
  const states = new WeakMap<Db, T>();
  return (db) => {
    let state = states.get(db);
    if (state === undefined) states.set(db, (state = create()));
    return state;
  };
}
