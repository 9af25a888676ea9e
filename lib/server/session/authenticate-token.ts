import { hashApiToken } from "../../auth/tokens";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { perClient } from "../../db/per-client";
import { recordTokenUse } from "../token/record-token-use";

/** lastUsedAt is informative: written at most once a minute per token and server, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** When this server last wrote each token's lastUsedAt, so a busy token costs no write per request. */
const lastWritten = perClient(() => new Map<string, number>());

/** Which user a token belongs to never changes (only whether it is revoked), so that much is kept. */
const tokenOwners = perClient(() => new Map<string, string>());
const MAX_KNOWN_TOKENS = 10_000;

/**
 * The actor behind a bearer token, or null when it is unknown, revoked or its
 * user deactivated. One indexed query per call once the token's owner is
 * known (no cache of the answer): a revocation or a deactivation made on any
 * server counts from the next request.
 */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashApiToken(token);
  const owners = tokenOwners(db);
  let userId = owners.get(tokenHash);
  if (!userId) {
    userId = (await db.apiToken.findUnique({ where: { tokenHash }, select: { userId: true } }))?.userId;
    if (!userId) return null;
    if (owners.size >= MAX_KNOWN_TOKENS) owners.clear();
    owners.set(tokenHash, userId);
  }
  // By primary key, then the token by its unique hash: constant time whatever the number of users.
  const user = await db.user.findFirst({
    where: { id: userId, deactivatedAt: null, apiTokens: { some: { tokenHash, revokedAt: null } } },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) return null;
  await recordUse(db, tokenHash, now);
  return { ...user, via: "token" };
}

async function recordUse(db: Db, tokenHash: string, now: Date) {
  const written = lastWritten(db);
  if (now.getTime() - (written.get(tokenHash) ?? -Infinity) <= LAST_USED_RESOLUTION_MS) return;
  written.set(tokenHash, now.getTime());
  await recordTokenUse(db, { tokenHash, at: now });
}
