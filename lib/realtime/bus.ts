import { EventEmitter } from "node:events";
import type { BusMessage } from "./channel";

export type Listener = (message: BusMessage) => void;

/**
 * Tells the event streams of this app server that an article changed, or that
 * its presence changed. One interface, two implementations: in-process for a
 * single server on SQLite, PostgreSQL LISTEN/NOTIFY across several servers.
 */
export interface EventBus {
  subscribe(articleId: string, listener: Listener): () => void;
  /** Resolves once changes committed from now on are sure to be reported. */
  ready(): Promise<void>;
  publishPresence(articleId: string): Promise<void>;
  close(): Promise<void>;
}

/** Local fan-out shared by both implementations. */
export class LocalFanOut {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  subscribe(articleId: string, listener: Listener): () => void {
    this.emitter.on(articleId, listener);
    return () => this.emitter.off(articleId, listener);
  }

  emit(message: BusMessage): void {
    this.emitter.emit(message.a, message);
  }

  articles(): string[] {
    return this.emitter
      .eventNames()
      .filter((name): name is string => typeof name === "string" && this.emitter.listenerCount(name) > 0);
  }

  get size(): number {
    return this.articles().length;
  }
}
