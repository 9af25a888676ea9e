import type { Db } from "../db/client";

/** A client or an open transaction: audit events are written inside the change's transaction. */
export type DbOrTx = Pick<Db, "auditEvent">;

export type AuditInput = {
  articleId?: string | null;
  annotationId?: string | null;
  actorId?: string | null;
  action: string;
  payload?: Record<string, unknown>;
};

export function recordAuditEvent(db: DbOrTx, event: AuditInput) {
  return db.auditEvent.create({
    data: {
      articleId: event.articleId ?? null,
      annotationId: event.annotationId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      payload: JSON.stringify(event.payload ?? {}),
    },
  });
}
