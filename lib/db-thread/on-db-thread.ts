import { isMainThread, Worker } from "node:worker_threads";
import { env, nextProcess } from "../config/env";
import { isAppClient, providerOf, type Db } from "../db/client";
import type { Reply } from "./serve";
import { fromWire } from "./wire-errors";

/**
 * The SQLite app server's hot writes run on a second thread (docs/decisions/
 * 008-sqlite-database-thread.md). better-sqlite3 is synchronous and Prisma's
 * query interpreter is JavaScript, so on one thread a write's database work
 * (over half of its CPU) competed with HTTP handling and the event streams
 * for one core while the other idled. A use case wrapped with onDbThread runs,
 * whole transaction and all, on a worker thread with its own connection: the
 * request thread sends the plain arguments and gets the plain answer (or the
 * error, rebuilt as its class) back. Whole use cases, not single queries: a
 * transaction that waited for the busy request thread between its statements
 * would hold SQLite's one write lock all that while.
 *
 * Only the Next.js server's app client on SQLite goes to the thread. The CLI,
 * tests, a transaction's client and PostgreSQL (whose work happens in its own
 * server processes) run the use case in place, unchanged. Writes that stay on
 * the request thread (presence, sign-in, rare ones) use its own connection;
 * the two take turns through SQLite's write lock (BEGIN IMMEDIATE and a busy
 * timeout, lib/db/sqlite-adapter.ts), as the CLI always could.
 */
export type DbThreadUseCase<A, R> = ((db: Db, args: A) => Promise<R>) & { readonly dbThreadName: string };

export function onDbThread<A, R>(name: string, runInPlace: (db: Db, args: A) => Promise<R>): DbThreadUseCase<A, R> {
  // Next bundles the thread's code from this URL (Turbopack's worker_threads support).
  return wrap(name, runInPlace, (db) =>
    threadFor(db, "factmarkDbThread", () => new Worker(new URL("./worker.ts", import.meta.url))),
  );
}

/**
 * The same for a read-only use case (search, #18), on read threads, each with a read-only connection
 * (lib/db-thread/read-worker.ts): in WAL mode it reads the last commit while the database thread
 * writes, so a search's tens of milliseconds of FTS5 work neither wait behind writes nor hold them
 * up, nor block the request thread's HTTP work. FACTMARK_SEARCH_THREADS (default 1) is how many;
 * each call goes to the one owing fewest answers, so with two one slow search holds up no other;
 * 0 keeps search on the request thread.
 */
export function onReadThread<A, R>(name: string, runInPlace: (db: Db, args: A) => Promise<R>): DbThreadUseCase<A, R> {
  return wrap(name, runInPlace, (db) =>
    threadFor(
      db,
      "factmarkReadThreads",
      () => new Worker(new URL("./read-worker.ts", import.meta.url)),
      () => env().FACTMARK_SEARCH_THREADS,
    ),
  );
}

function wrap<A, R>(
  name: string,
  runInPlace: (db: Db, args: A) => Promise<R>,
  threadOf: (db: Db) => DbThread | null,
): DbThreadUseCase<A, R> {
  const run = (db: Db, args: A): Promise<R> => {
    const thread = threadOf(db);
    return thread ? (thread.call(name, args) as Promise<R>) : runInPlace(db, args);
  };
  return Object.assign(run, { dbThreadName: name });
}

/** On globalThis: Next may load this module more than once, and one set of threads per process is the point. */
type Threads = { factmarkDbThread?: (DbThread | undefined)[]; factmarkReadThreads?: (DbThread | undefined)[] };
const cache = globalThis as unknown as Threads;

/** One of the `count()` threads kept under `key` (started on first use), the one owing fewest answers; null where use cases run in place. */
function threadFor(db: Db, key: keyof Threads, start: () => Worker, count = () => 1): DbThread | null {
  if (!isMainThread || !dbThreadEnabled() || providerOf(db) !== "sqlite" || !isAppClient(db)) return null;
  const wanted = count();
  if (wanted < 1) return null;
  const threads = (cache[key] ??= []);
  for (let slot = 0; slot < wanted; slot++) {
    if (threads[slot]) continue;
    const thread = new DbThread(start, () => {
      // Only this one: a failing thread reports twice ("error", then "exit"), maybe after a successor started.
      if (threads[slot] === thread) threads[slot] = undefined;
    });
    threads[slot] = thread;
  }
  return (threads.slice(0, wanted) as DbThread[]).reduce((best, thread) => (thread.owed < best.owed ? thread : best));
}

/**
 * In the production Next.js server (NEXT_RUNTIME is set there only), unless
 * FACTMARK_DB_THREAD=off. Not under `next dev`: a thread started before an
 * edit would go on running the old code of the use cases it was sent. env()
 * only inside that server: the CLI and tests have no NEXTAUTH_SECRET.
 */
export function dbThreadEnabled(): boolean {
  const { nextServer, production } = nextProcess();
  return nextServer && production && env().FACTMARK_DB_THREAD !== "off";
}

/** Whether this process runs its database use cases on the thread now (for /api/health and tests). */
export function dbThreadRunning(): boolean {
  return Boolean(cache.factmarkDbThread?.[0]);
}

/** The request thread's end of the database thread: calls out, answers (or errors) back by id. Exported for its unit test. */
export class DbThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(
    start: () => Worker,
    private readonly onGone: () => void,
  ) {
    this.worker = start();
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`The database thread stopped (exit code ${code}).`)));
  }

  /** How many answers it owes now. */
  get owed(): number {
    return this.pending.size;
  }

  call(name: string, args: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      // Kept alive only while it owes answers: an idle thread must not hold the process open.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ id, name, args });
      } catch (error) {
        // Arguments that cannot be copied to the thread (never plain request data): this call fails, nothing else.
        this.forget(id);
        reject(error);
      }
    });
  }

  private settle({ id, result, error }: Reply) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.forget(id);
    if (error) waiting.reject(fromWire(error));
    else waiting.resolve(result);
  }

  private forget(id: number) {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** A crashed thread fails what it owed (those requests get a 500) and the next call starts a new one. */
  private fail(error: Error) {
    if (this.pending.size)
      console.error(
        `[factmark] the database thread stopped with ${this.pending.size} write(s) unanswered:`,
        error.message,
      );
    this.onGone();
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
