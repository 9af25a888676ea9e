import type { Db } from "../db/client";
import { CHANNEL, providerOfClient, type BusMessage } from "../realtime/channel";

/** A client or an open transaction: audit events are written inside the change's transaction. */
export type DbOrTx = Pick<Db, "auditEvent" | "$executeRaw">;

export type AuditInput = {
  articleId?: string | null;
  annotationId?: string | null;
  actorId?: string | null;
  action: string;
  payload?: Record<string, unknown>;
};

/**
 * Appends an audit event. On PostgreSQL it also NOTIFYs the other app servers
 * from inside the same transaction: PostgreSQL delivers that at commit and
 * drops it on rollback, so live updates never announce a change that did not
 * happen. (SQLite runs one server; lib/realtime watches the table instead.)
 */
export async function recordAuditEvent(db: DbOrTx, event: AuditInput) {
  const row = await db.auditEvent.create({
    data: {
      articleId: event.articleId ?? null,
      annotationId: event.annotationId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      payload: JSON.stringify(event.payload ?? {}),
    },
  });
  if (event.articleId && providerOfClient(db) === "postgresql") {
    const message: BusMessage = { k: "changed", a: event.articleId, e: row.id };
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`;
  }
  return row;
}
