import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import type { EventBus } from "./bus";
import type { BusMessage } from "./channel";
import { eventsSince, latestEventId, batchedEventsSince, type StreamEvent } from "./article-events";
import { listPresence, PRESENCE_REFRESH_MS, removePresence, sweepPresence, touchPresence } from "./presence";

/** A client further behind than this gets `resync` (reload the article) instead of a flood. */
export const MAX_REPLAY = 500;
const BATCH = 200;

const encoder = new TextEncoder();
/**
 * Streams that share a read send the same page of events: it is encoded once
 * for all of them, and written as one chunk (each chunk is a write to the
 * socket, which under load cost more than building the events).
 */
const encodedPages = new WeakMap<readonly StreamEvent[], Uint8Array>();

function frameText(event: StreamEvent): string {
  return `${event.id !== undefined ? `id: ${event.id}\n` : ""}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function encodePage(events: readonly StreamEvent[]): Uint8Array {
  let bytes = encodedPages.get(events);
  if (!bytes) {
    bytes = encoder.encode(events.map(frameText).join(""));
    encodedPages.set(events, bytes);
  }
  return bytes;
}

/**
 * The Server-Sent Events stream of one article for one user: replays what a
 * reconnecting client missed (Last-Event-ID), then forwards every committed
 * change and presence change as the bus reports them. Reads are serialised so
 * events go out once and in order. The stream is the user's presence: it is
 * refreshed while open and removed when it closes.
 */
export function articleStream({
  db,
  reader = db,
  bus,
  actor,
  articleId,
  lastEventId,
  signal,
}: {
  db: Db;
  reader?: Db;
  bus: EventBus;
  actor: Actor;
  articleId: string;
  lastEventId: number | null;
  signal: AbortSignal;
}): ReadableStream<Uint8Array> {
  const connectionId = randomUUID();
  let cursor = 0;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const sendAll = (events: readonly StreamEvent[]) => {
        if (!closed && events.length) controller.enqueue(encodePage(events));
      };
      const send = (event: StreamEvent) => sendAll([event]);
      const serial = (task: () => Promise<void>) => {
        queue = queue.then(task).catch((error) => console.error("[factmark] event stream:", (error as Error).message));
        return queue;
      };
      // Notifications coalesce: while a read is queued, more of them just ask it to look again
      // (one read catches everything after the cursor), so a busy article costs one query per round, not per change.
      let readQueued = false;
      let readAgain = false;
      const forward = (upTo?: number) => {
        if (upTo !== undefined && upTo <= cursor) return Promise.resolve();
        if (readQueued) {
          readAgain = true;
          return queue;
        }
        readQueued = true;
        return serial(async () => {
          do {
            readAgain = false;
            for (;;) {
              const { events, lastId, truncated } = await batchedEventsSince(reader, articleId, cursor, BATCH);
              sendAll(events);
              cursor = lastId;
              if (!truncated || closed) break;
            }
          } while (readAgain && !closed);
          readQueued = false;
        });
      };
      const sendPresence = () =>
        serial(async () => send({ event: "presence", data: { users: await listPresence(db, articleId) } }));

      if (lastEventId !== null) {
        const missed = await eventsSince(reader, articleId, lastEventId, MAX_REPLAY);
        if (missed.truncated) {
          cursor = await latestEventId(reader, articleId);
          send({
            id: cursor,
            event: "resync",
            data: { reason: `more than ${MAX_REPLAY} changes were missed; reload the article` },
          });
        } else {
          sendAll(missed.events);
          cursor = missed.lastId;
        }
      } else {
        cursor = await latestEventId(reader, articleId);
      }

      const unsubscribe = bus.subscribe(
        articleId,
        (message: BusMessage) => void (message.k === "changed" ? forward(message.e) : sendPresence()),
      );
      await bus.ready();
      await touchPresence(db, { connectionId, articleId, userId: actor.id });
      // After the presence row exists, so the client may POST presence for this connection at once.
      send({ id: cursor, event: "ready", data: { connectionId, cursor } });
      await bus.publishPresence(articleId);
      // Catch anything committed between reading the cursor and subscribing.
      void forward();

      const heartbeat = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(": ping\n\n"));
        void touchPresence(db, { connectionId, articleId, userId: actor.id })
          .then(() => sweepPresence(db, new Date()))
          .then(() => sendPresence())
          .catch(() => {});
      }, PRESENCE_REFRESH_MS);
      heartbeat.unref();

      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        void removePresence(db, connectionId)
          .then(() => bus.publishPresence(articleId))
          .catch(() => {});
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      signal.addEventListener("abort", cleanup, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
