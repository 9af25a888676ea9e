import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type { Database, Statement } from "better-sqlite3";

/**
 * Two fixes to Prisma's better-sqlite3 adapter, applied at the adapter level
 * (below the client, so they cost nothing per query beyond a lock check):
 *
 * 1. Isolation. The adapter has one connection and serialises transactions
 *    only: a plain query from another request runs *inside* whatever
 *    transaction is open, sees its uncommitted rows and is rolled back with
 *    it, after it was acknowledged. Here every query and script waits while a
 *    transaction is open (tests/integration/isolation.test.ts).
 *
 * 2. Prepared statements. The adapter prepares every statement afresh, which
 *    was a tenth of the CPU of a write; the same few dozen statements repeat,
 *    so they are prepared once and kept (see cacheStatements).
 *
 * 3. Transactions take the write lock up front (see beginImmediately).
 */
export function serialSqliteAdapter(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const client = (adapter as unknown as { client?: Database }).client;
      if (client && typeof client.prepare === "function") {
        beginImmediately(client);
        cacheStatements(client);
      }
      return serialise(adapter);
    },
  };
}

/** A FIFO lock: `run` queues work behind the holder; `acquire` hands back the release. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = next;
    return ready;
  }

  /** Runs once everyone before has released the lock. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serialise(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => lock.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel?: IsolationLevel) => {
      const release = await lock.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** The transaction, holding the lock until it commits or rolls back. */
function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => end(() => transaction.commit()),
    rollback: () => end(() => transaction.rollback()),
    createSavepoint: transaction.createSavepoint && ((name) => transaction.createSavepoint!(name)),
    rollbackToSavepoint: transaction.rollbackToSavepoint && ((name) => transaction.rollbackToSavepoint!(name)),
    releaseSavepoint: transaction.releaseSavepoint && ((name) => transaction.releaseSavepoint!(name)),
  };
}

/**
 * The adapter opens transactions with a deferred BEGIN. When a second
 * connection writes too (the database thread, the CLI), a transaction that
 * read first and then writes would fail at once with SQLITE_BUSY if the other
 * committed in between; IMMEDIATE takes the write lock up front, waiting its
 * turn (busy timeout) instead. This connection runs one transaction at a time
 * anyway. A read-only connection keeps its BEGIN (it can take no write lock).
 */
export function beginImmediately(client: Database): void {
  if (client.readonly) return;
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as Database["prepare"];
}

const MAX_CACHED_STATEMENTS = 500;
const SCHEMA_CHANGE = /^\s*(CREATE|ALTER|DROP)\b/i;

/**
 * Makes `client.prepare(sql)` return a cached statement. The adapter calls
 * `prepare(sql).bind(args)` and then `run()`, `columns()` or `raw().all()`;
 * better-sqlite3 binds a statement for good, so a cached one is handed out
 * behind a small facade that passes the arguments at each call instead.
 */
export function cacheStatements(client: Database): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  const statementFor = (sql: string): Statement => {
    // After a schema change, start afresh: result columns of cached statements may differ now.
    if (SCHEMA_CHANGE.test(sql)) cache.clear();
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      // Forget the oldest when full: generated SQL is a small fixed set, raw SQL may not be.
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  };
  // A statement's result columns are fixed until the schema changes (then the cache starts afresh, above).
  const columns = new WeakMap<Statement, ReturnType<Statement["columns"]>>();
  const columnsOf = (statement: Statement) => {
    let known = columns.get(statement);
    if (!known) columns.set(statement, (known = statement.columns()));
    return known;
  };
  const facade = (statement: Statement, args: unknown[] = []) => ({
    reader: statement.reader,
    bind: (bound: unknown[]) => facade(statement, bound),
    run: () => statement.run(args),
    columns: () => columnsOf(statement),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  });
  client.prepare = ((sql: string) => facade(statementFor(sql))) as unknown as Database["prepare"];
}
