import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { perClient } from "../../db/per-client";
import { assertSignInAllowed } from "./assert-sign-in-allowed";

/**
 * Attempts are kept this long, then deleted: the limit needs 15 minutes of
 * them; a month more is for looking into abuse (who tried which account from
 * where) without the table growing for ever.
 */
export const SIGN_IN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Pruning is a scan of the table: at most once an hour per server. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const lastPruned = perClient(() => ({ at: -Infinity }));

/** Compared against when the email is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined;

/**
 * Email + password sign-in. Returns null for a wrong email or password alike,
 * so the answer never reveals whether an account exists. Deactivated users
 * cannot sign in. Every attempt is recorded for the rate limit, which works
 * across app servers because it lives in the database.
 */
export async function authenticatePassword(
  db: Db,
  { email, password, ip }: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<Actor | null> {
  await assertSignInAllowed(db, { email, ip }, now);
  const user = await db.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  const ok = Boolean(user && user.passwordHash && passwordOk && !user.deactivatedAt);
  await db.signInAttempt.create({ data: { email, ip, succeeded: ok, createdAt: now } });
  await pruneOldAttempts(db, now);
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

async function pruneOldAttempts(db: Db, now: Date) {
  const pruned = lastPruned(db);
  if (now.getTime() - pruned.at < PRUNE_EVERY_MS) return;
  pruned.at = now.getTime();
  try {
    await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_RETENTION_MS) } } });
  } catch (error) {
    // Housekeeping: a failure here must not fail the sign-in; the next hour tries again.
    console.error("[factmark] pruning sign-in attempts:", (error as Error).message);
  }
}
