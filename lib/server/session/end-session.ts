import type { Db } from "../../db/client";

/** Sign-out: the session's row is revoked, so a copy of its cookie stops working on every server. Twice is harmless. */
export async function endSession(
  db: Db,
  { userId, sessionId }: { userId?: unknown; sessionId?: unknown },
  now = new Date(),
): Promise<void> {
  if (typeof userId !== "string" || typeof sessionId !== "string") return;
  await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
}
