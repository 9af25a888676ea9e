import type { Db } from "../db/client";
import { LocalFanOut, type EventBus, type Listener } from "./bus";

/** How often the single SQLite server looks for new audit events while anyone listens. */
const POLL_MS = 40;

/**
 * SQLite serves one app server, so the bus is in-process. Changes are found by
 * watching the audit table's id: a row is only visible once its transaction
 * committed (Prisma's SQLite driver holds its one connection for the whole
 * transaction), so a rolled-back change is never announced.
 */
export class SqliteBus implements EventBus {
  private readonly fanOut = new LocalFanOut();
  private cursor: number | null = null;
  private initial: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private readonly db: Db) {}

  subscribe(articleId: string, listener: Listener): () => void {
    const unsubscribe = this.fanOut.subscribe(articleId, listener);
    this.start();
    return () => {
      unsubscribe();
      if (this.fanOut.size === 0) this.stop();
    };
  }

  ready(): Promise<void> {
    return this.initial ?? Promise.resolve();
  }

  async publishPresence(articleId: string): Promise<void> {
    this.fanOut.emit({ k: "presence", a: articleId });
  }

  async close(): Promise<void> {
    this.stop();
  }

  private start() {
    if (this.timer) return;
    // The cursor survives stop/start: reporting rows from a quiet spell is harmless (streams keep their own cursors).
    this.initial ??= this.db.auditEvent.aggregate({ _max: { id: true } }).then((result) => {
      this.cursor = result._max.id ?? 0;
    });
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      await this.initial;
      if (this.cursor === null) return;
      const rows = await this.db.auditEvent.findMany({
        where: { id: { gt: this.cursor } },
        select: { id: true, articleId: true },
        orderBy: { id: "asc" },
        take: 5000,
      });
      if (!rows.length) return;
      this.cursor = rows.at(-1)!.id;
      const latest = new Map<string, number>();
      for (const row of rows) if (row.articleId) latest.set(row.articleId, row.id);
      for (const [articleId, id] of latest) this.fanOut.emit({ k: "changed", a: articleId, e: id });
    } catch (error) {
      console.error("[factmark] event watcher:", (error as Error).message);
    } finally {
      this.polling = false;
    }
  }
}
