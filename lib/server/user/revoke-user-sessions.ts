import type { Db } from "../../db/client";

/**
 * Ends every browser session of a user (a role change, a deactivation): run
 * inside the change's own transaction, so there is no moment where the change
 * is made and an old cookie still acts under it. Reactivation makes no row
 * valid again: the user signs in anew. A password change ends every session
 * but the one it was made from.
 */
export async function revokeUserSessions(
  tx: Pick<Db, "userSession">,
  { userId, except }: { userId: string; except?: string },
  now = new Date(),
): Promise<number> {
  // `except`: the session that made the change (a password change keeps it signed in).
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
