/** The PostgreSQL channel every app server listens on. */
export const CHANNEL = "factmark_events";

/**
 * What travels between app servers: small on purpose (ids only); receivers
 * read the rest from the database. "changed": new audit events for an
 * article; "presence": who has it open changed.
 */
export type BusMessage = { k: "changed" | "presence"; a: string; e?: number };

export function parseBusMessage(payload: string | undefined): BusMessage | null {
  try {
    const message = JSON.parse(payload ?? "") as BusMessage;
    return (message.k === "changed" || message.k === "presence") && typeof message.a === "string" ? message : null;
  } catch {
    return null;
  }
}

/** The provider of a Prisma client or of one of its transactions. */
export function providerOfClient(client: unknown): string | undefined {
  return (client as { _activeProvider?: string })._activeProvider;
}
