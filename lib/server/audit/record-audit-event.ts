import type { Db } from "../../db/client";
import type { AuditAction, AuditPayload } from "../../domain/audit-actions";
import { CHANNEL, providerOfClient, type BusMessage } from "../../realtime/channel";

/** A client or an open transaction: audit events are written inside the change's transaction. */
export type DbOrTx = Pick<Db, "auditEvent" | "$executeRaw">;

/** One audit event: its action (lib/domain/audit-actions.ts) and the payload that action records. */
export type AuditInput<A extends AuditAction = AuditAction> = {
  articleId?: string | null;
  annotationId?: string | null;
  actorId?: string | null;
  action: A;
  payload: AuditPayload<A>;
};

/**
 * Appends an audit event. On PostgreSQL it also NOTIFYs the other app servers
 * from inside the same transaction: PostgreSQL delivers that at commit and
 * drops it on rollback, so live updates never announce a change that did not
 * happen. (SQLite runs one server; lib/realtime watches the table instead.)
 */
export async function recordAuditEvent<A extends AuditAction>(db: DbOrTx, event: AuditInput<A>) {
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
      payload: JSON.stringify(event.payload),
    },
  });
  return row;
}
