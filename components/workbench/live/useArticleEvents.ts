"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { api } from "../../api-client";
import { EVENT_NAMES, parseEvent, type LiveEvent, type PresenceUser } from "./apply-event";

export type Connection = "connecting" | "live" | "reconnecting";

/** Data events for the workbench; `catchUp` on the first `ready` of a stream that could not resume (the page may have missed changes since it was rendered). */
export type EventHandler = (
  event:
    | Exclude<LiveEvent, { type: "presence" } | { type: "ready" } | { type: "noop" }>
    | { type: "ready"; connectionId: string; catchUp: boolean },
) => void;

/** After the browser gives up on a stream (an error status, a server gone for good), retry ourselves: 1 s, 2 s, 4 s… up to 30 s. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * The article's Server-Sent Events. The first stream resumes from `since`, the
 * event id the page was rendered at (null: from now, asking for a catch-up),
 * so what changed in between arrives as events. EventSource reconnects by
 * itself and sends Last-Event-ID, so the server replays what was missed; when
 * it gives up (readyState CLOSED) a new stream resumes from the last event id
 * seen via ?lastEventId=. Presence is kept here; everything else goes to `onEvent`.
 */
export function useArticleEvents(articleId: string, since: number | null, onEvent: EventHandler) {
  const [connection, setConnection] = useState<Connection>("connecting");
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [users, setUsers] = useState<PresenceUser[]>([]);
  const handle = useEffectEvent(onEvent);
  // Where this page started: a later render with another value never moves the stream back.
  const [startAt] = useState(since);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId = startAt === null ? "" : String(startAt);
    let attempt = 0;
    let timer = 0;

    const connect = () => {
      const resume = lastEventId !== "";
      let first = true;
      const url = `/api/v1/articles/${encodeURIComponent(articleId)}/events${resume ? `?lastEventId=${encodeURIComponent(lastEventId)}` : ""}`;
      const stream = new EventSource(url);
      source = stream;
      const listener = (message: Event) => {
        const { data, lastEventId: id } = message as MessageEvent<string>;
        if (id) lastEventId = id;
        const event = parseEvent(message.type, data);
        if (!event || event.type === "noop") return;
        if (event.type === "presence") return setUsers(event.users);
        if (event.type === "ready") {
          attempt = 0;
          setConnection("live");
          setConnectionId(event.connectionId);
          handle({ type: "ready", connectionId: event.connectionId, catchUp: first && !resume });
          first = false;
          return;
        }
        handle(event);
      };
      for (const name of EVENT_NAMES) stream.addEventListener(name, listener);
      stream.onerror = () => {
        // The connection id dies with the stream; presence is sent again once the next one is ready.
        setConnectionId(null);
        setConnection("reconnecting");
        if (stream.readyState !== EventSource.CLOSED) return;
        stream.close();
        window.clearTimeout(timer);
        timer = window.setTimeout(connect, backoff(attempt++));
      };
    };

    connect();
    return () => {
      window.clearTimeout(timer);
      source?.close();
    };
  }, [articleId, startAt]);

  return { connection, connectionId, users };
}

/** Opening an annotation is reported once it settles; leaving one (the panel closed) waits longer, so close-then-open does not blink "looking at" off and on for the others. */
const SETTLE_MS = { open: 300, close: 1500 };

/** Tells the others which annotation this tab is looking at: after it settles, and again on every new stream. */
export function usePresenceReport(articleId: string, connectionId: string | null, annotationId: string | null) {
  const reported = useRef<{ connectionId: string | null; annotationId: string | null }>({
    connectionId: null,
    annotationId: null,
  });
  useEffect(() => {
    if (!connectionId) return;
    const previous = reported.current;
    if (previous.connectionId === connectionId && previous.annotationId === annotationId) return;
    // A new stream starts out looking at nothing.
    if (previous.connectionId !== connectionId && annotationId === null) {
      reported.current = { connectionId, annotationId };
      return;
    }
    const timer = window.setTimeout(
      () => {
        reported.current = { connectionId, annotationId };
        api<void>(`/articles/${encodeURIComponent(articleId)}/presence`, {
          method: "POST",
          body: { connectionId, annotationId },
        }).catch(() => {
          // The stream closed meanwhile (404): the next one reports again.
        });
      },
      annotationId === null ? SETTLE_MS.close : SETTLE_MS.open,
    );
    return () => window.clearTimeout(timer);
  }, [articleId, connectionId, annotationId]);
}
