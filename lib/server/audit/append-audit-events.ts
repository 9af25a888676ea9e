import { join, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../db/client";
import type { AuditAction, AuditPayload } from "../../domain/audit-actions";

type Tx = Pick<Db, "$executeRaw">;
export type AuditRow<A extends AuditAction> = {
  articleId: string;
  annotationId: string | null;
  actorId: string | null;
  action: A;
  payload: AuditPayload<A>;
};

/** Rows per statement: 6 values each, under the 999 parameters SQLite takes (lib/db/chunked.ts). */
const ROWS_PER_INSERT = 150;

/**
 * Many audit events of one change at once, for a change that touches
 * thousands of annotations (a revision re-anchoring each): one multi-row
 * INSERT per slice. Prisma's createMany spent a quarter of a millisecond per
 * row building its query, several times the database's own work: 2,000 rows
 * took 0.4–1 s where this takes 40–80 ms. The caller must have written one
 * event of the change with recordAuditEvent first, in the same transaction:
 * that takes the article's event lock and sends the NOTIFY on PostgreSQL
 * (record-audit-event.ts), which cover these rows too.
 */
export async function appendAuditEvents<A extends AuditAction>(tx: Tx, rows: readonly AuditRow<A>[]): Promise<void> {
  // One time for the change, as one statement's DEFAULT would give; written explicitly so both databases store it alike.
  const at = new Date();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows
      .slice(i, i + ROWS_PER_INSERT)
      .map(
        (row) =>
          sql`(${row.articleId}, ${row.annotationId}, ${row.actorId}, ${row.action}, ${JSON.stringify(row.payload)}, ${at})`,
      );
    await tx.$executeRaw`INSERT INTO "AuditEvent" ("articleId", "annotationId", "actorId", "action", "payload", "createdAt") VALUES ${join(values)}`;
  }
}
