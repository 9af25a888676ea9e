import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";

/**
 * The actor behind a session cookie's claims, or null when its session row is
 * missing, revoked, expired or another user's, or the user is deactivated. A
 * cookie without a session id (made before sessions were stored) is refused.
 * One query by primary key, read every time (no cache): a sign-out, a role
 * change or a deactivation made on any server counts from the next request.
 */
export async function authenticateSession(
  db: Db,
  { userId, sessionId }: { userId?: unknown; sessionId?: unknown },
  now = new Date(),
): Promise<Actor | null> {
  if (typeof userId !== "string" || typeof sessionId !== "string" || !userId || !sessionId) return null;
  const user = await db.user.findFirst({
    where: {
      id: userId,
      deactivatedAt: null,
      sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: now } } },
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return user ? { ...user, via: "session" } : null;
}
