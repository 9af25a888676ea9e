import type { Db } from "../../db/client";
import { perClient } from "../../db/per-client";

/**
 * A working day, counted from sign-in whatever the activity: the row's expiry
 * is fixed when it is made, and the cookie (a signed JWT, next-auth's maxAge)
 * carries no further weight once the row has expired.
 */
export const SESSION_SECONDS = 12 * 60 * 60;

/** Expired and revoked rows are deleted by a scan at most once an hour per server, as sign-in attempts are. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const lastPruned = perClient(() => ({ at: -Infinity }));

/**
 * Records a browser sign-in and returns its id, which the session cookie
 * carries (`sid`); authenticateSession honours the cookie only while this row
 * is unrevoked and unexpired. On the request thread (not the SQLite database
 * thread), as sign-in's other write is: it happens once per sign-in, and the
 * hourly prune keeps its state in this process (decision 011).
 */
export async function startSession(db: Db, { userId }: { userId: string }, now = new Date()): Promise<string> {
  const row = await db.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000) },
    select: { id: true },
  });
  await pruneSessions(db, now);
  return row.id;
}

async function pruneSessions(db: Db, now: Date) {
  const pruned = lastPruned(db);
  if (now.getTime() - pruned.at < PRUNE_EVERY_MS) return;
  pruned.at = now.getTime();
  try {
    await db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } });
  } catch (error) {
    // Housekeeping: a failure here must not fail the sign-in; the next hour tries again.
    console.error("[factmark] pruning sessions:", (error as Error).message);
  }
}
