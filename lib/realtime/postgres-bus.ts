import pg from "pg";
import { LocalFanOut, type EventBus, type Listener } from "./bus";
import { CHANNEL, parseBusMessage, type BusMessage } from "./channel";

const MAX_BACKOFF_MS = 5000;

/**
 * LISTEN/NOTIFY across app servers. Audit events NOTIFY from inside their
 * transaction (lib/server/audit/record-audit-event.ts); this keeps one dedicated connection
 * listening and fans notifications out to the local streams. When the
 * connection drops it reconnects with backoff and then tells every stream to
 * catch up from its cursor: nothing is lost, since events live in the database.
 */
export class PostgresBus implements EventBus {
  private readonly fanOut = new LocalFanOut();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private backoff = 250;
  private closed = false;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string) {}

  subscribe(articleId: string, listener: Listener): () => void {
    const unsubscribe = this.fanOut.subscribe(articleId, listener);
    void this.connect();
    return unsubscribe;
  }

  ready(): Promise<void> {
    return this.connect();
  }

  async publishPresence(articleId: string): Promise<void> {
    const message: BusMessage = { k: "presence", a: articleId };
    try {
      await this.connect();
      const client = this.client;
      // One query at a time on the listening connection (pg deprecates overlapping ones).
      const sent = this.sending.then(() =>
        client?.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(message)]),
      );
      this.sending = sent.then(
        () => undefined,
        () => undefined,
      );
      await sent;
    } catch {
      // Still tell this server's streams; the others catch up on their next presence refresh.
      this.fanOut.emit(message);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on("notification", (notification) => {
      const message = parseBusMessage(notification.payload);
      if (message) this.fanOut.emit(message);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.backoff = 250;
      // Anything committed while we were not listening: let every stream re-read from its cursor.
      for (const articleId of this.fanOut.articles()) this.fanOut.emit({ k: "changed", a: articleId });
    } catch (error) {
      console.error("[factmark] event bus: cannot listen on PostgreSQL:", (error as Error).message);
      client.end().catch(() => {});
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect() {
    if (this.closed || this.fanOut.size === 0) return;
    const delay = this.backoff;
    this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
    setTimeout(() => void this.connect(), delay).unref();
  }

  /** For tests: drop the listening connection as a network failure would. */
  async dropConnectionForTest(): Promise<void> {
    await this.client?.query("SELECT pg_terminate_backend(pg_backend_pid())").catch(() => {});
  }
}
