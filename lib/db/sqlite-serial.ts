import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";

/**
 * Prisma's SQLite driver has one connection and serialises transactions only:
 * a plain query from another request runs *inside* whatever transaction is
 * open, so it sees uncommitted rows and is rolled back with it, after it was
 * acknowledged. This puts every query and transaction of the client behind one
 * lock; work inside a transaction (marked with AsyncLocalStorage) runs
 * straight through, or it would wait for itself.
 */
export function serialiseSqlite(db: Db): Db {
  let tail: Promise<unknown> = Promise.resolve();
  const insideTransaction = new AsyncLocalStorage<true>();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (insideTransaction.getStore()) return work();
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  const extended = db.$extends({
    query: {
      $allOperations({ args, query }) {
        return exclusive(() => query(args));
      },
    },
  }) as unknown as Db;

  return new Proxy(extended, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (input: unknown, options?: unknown) => {
          // An array of queries is batched by Prisma in one transaction; a function is an interactive one.
          const transaction = (target.$transaction as (input: unknown, options?: unknown) => Promise<unknown>).bind(target);
          return exclusive(() => insideTransaction.run(true, () => transaction(input, options)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
