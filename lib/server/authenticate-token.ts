import { hashApiToken } from "../auth/tokens";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";

/** lastUsedAt is informative: written at most once a minute per token, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind a bearer token, or null when it is unknown, revoked or its user deactivated. */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.deactivatedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { id, email, name, role } = row.user;
  return { id, email, name, role, via: "token" };
}
