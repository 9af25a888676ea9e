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
  // On PostgreSQL, one statement before the insert does two things:
  // - Event streams read an article's events by id, after the last id they sent, but ids come
  //   from a sequence in insert order, not commit order: a change that committed after a later
  //   id became visible would be skipped. This lock, held until commit, makes an article's
  //   events commit in id order. (SQLite runs one transaction at a time: it holds there already.)
  // - NOTIFY is transactional (sent at commit, dropped on rollback), so it may go first; it
  //   names the article only, and receivers read what is new after their own cursor.
  if (providerOfClient(db) === "postgresql" && event.articleId) {
    const message: BusMessage = { k: "changed", a: event.articleId };
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${event.articleId})), pg_notify(${CHANNEL}, ${JSON.stringify(message)})`;
  }
  const row = await db.auditEvent.create({
    data: {
      articleId: event.articleId ?? null,
      annotationId: event.annotationId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      payload: JSON.stringify(event.payload ?? {}),
    },
  });
  return row;
}
