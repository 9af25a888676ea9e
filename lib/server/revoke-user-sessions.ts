import type { Db } from "../db/client";

/**
 * Ends every browser session of a user (a role change, a deactivation): run
 * inside the change's own transaction, so there is no moment where the change
 * is made and an old cookie still acts under it. Reactivation makes no row
 * valid again: the user signs in anew.
 */
export async function revokeUserSessions(tx: Pick<Db, "userSession">, { userId }: { userId: string }, now = new Date()): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
