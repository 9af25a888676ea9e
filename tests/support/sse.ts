export type SseEvent = { id?: string; event: string; data: Record<string, unknown> };

/**
 * Reads Server-Sent Events from a byte stream until `until` says stop or the
 * time runs out; returns what arrived. Comments (heartbeats) are skipped.
 */
export async function readSse(
  stream: ReadableStream<Uint8Array>,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 5000,
): Promise<SseEvent[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(events) && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, deadline - Date.now()))),
      ]);
      if (next === null || next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let boundary;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event: Partial<SseEvent> & { dataText?: string } = {};
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) continue;
          const [field, ...rest] = line.split(": ");
          const value = rest.join(": ");
          if (field === "id") event.id = value;
          if (field === "event") event.event = value;
          if (field === "data") event.dataText = value;
        }
        if (event.event)
          events.push({ id: event.id, event: event.event, data: event.dataText ? JSON.parse(event.dataText) : {} });
      }
    }
  } finally {
    reader.releaseLock();
  }
  return events;
}
