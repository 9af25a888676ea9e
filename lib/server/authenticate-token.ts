import { hashApiToken } from "../auth/tokens";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";

/** lastUsedAt is informative: written at most once a minute per token and server, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** When this server last wrote each token's lastUsedAt, so a busy token costs no write per request. */
const lastWritten = new WeakMap<Db, Map<string, number>>();

/**
 * The actor behind a bearer token, or null when it is unknown, revoked or its
 * user deactivated. One query on every call (no cache): a revocation or a
 * deactivation made on any server counts from the next request.
 */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashApiToken(token);
  const user = await db.user.findFirst({
    where: { deactivatedAt: null, apiTokens: { some: { tokenHash, revokedAt: null } } },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) return null;
  await recordUse(db, tokenHash, now);
  return { ...user, via: "token" };
}

async function recordUse(db: Db, tokenHash: string, now: Date) {
  const written = lastWritten.get(db) ?? new Map<string, number>();
  lastWritten.set(db, written);
  if (now.getTime() - (written.get(tokenHash) ?? -Infinity) <= LAST_USED_RESOLUTION_MS) return;
  written.set(tokenHash, now.getTime());
  await db.apiToken.updateMany({ where: { tokenHash }, data: { lastUsedAt: now } });
}
