import { performance } from "node:perf_hooks";

/** One data event as a subscriber received it; `at` is performance.now() when its bytes arrived. */
export type ReceivedEvent = {
  id: number;
  event: string;
  annotationId?: string;
  version?: number;
  auditAt?: number;
  at: number;
};

/**
 * One Server-Sent Events subscriber on one article (Node fetch, streaming).
 * It records every event that carries an id (every committed change, in
 * order) with its arrival time, and only parses the JSON of annotation events.
 */
export class Subscriber {
  readonly events: ReceivedEvent[] = [];
  /** The stream's starting cursor (from `ready`): it reports audit events after this id. */
  cursor: number | null = null;
  lastEventAt = 0;
  presence = 0;
  heartbeats = 0;
  error: string | null = null;
  private readonly controller = new AbortController();
  private done: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly server: { label: string; url: string },
    readonly articleId: string,
    private readonly token: string,
  ) {}

  /** Resolves once the stream said `ready` (so every change committed from then on will reach it). */
  async open(timeoutMs = 30_000): Promise<void> {
    const response = await fetch(`${this.server.url}/api/v1/articles/${this.articleId}/events`, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: "text/event-stream" },
      signal: this.controller.signal,
    });
    if (response.status !== 200 || !response.body)
      throw new Error(
        `${this.name}: event stream answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    let onReady!: () => void;
    let onFail!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    this.done = this.read(response.body, onReady).catch((error: Error) => {
      if (!this.controller.signal.aborted) {
        this.error = error.message;
        onFail(error);
      }
    });
    const timer = setTimeout(() => onFail(new Error(`${this.name}: no ready event within ${timeoutMs} ms`)), timeoutMs);
    try {
      await ready;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>, onReady: () => void): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of body) {
      const at = performance.now();
      buffer += decoder.decode(chunk, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        this.block(block, at, onReady);
      }
    }
    if (!this.controller.signal.aborted) throw new Error(`${this.name}: the server closed the event stream`);
  }

  private block(block: string, at: number, onReady: () => void) {
    let id: number | undefined;
    let event = "message";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        this.heartbeats++;
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + (line[colon + 1] === " " ? 2 : 1));
      if (field === "id") id = Number(value);
      else if (field === "event") event = value;
      else if (field === "data") data = data ? `${data}\n${value}` : value;
    }
    if (event === "ready") {
      this.cursor = (JSON.parse(data) as { cursor: number }).cursor;
      onReady();
      return;
    }
    if (event === "presence") {
      this.presence++;
      return;
    }
    if (id === undefined) return;
    const received: ReceivedEvent = { id, event, at };
    if (event.startsWith("annotation.")) {
      const parsed = JSON.parse(data) as { at?: string; id?: string; annotation?: { id: string; version: number } };
      received.annotationId = parsed.annotation?.id ?? parsed.id;
      received.version = parsed.annotation?.version;
      if (parsed.at) received.auditAt = Date.parse(parsed.at);
    }
    this.events.push(received);
    this.lastEventAt = at;
  }
}
