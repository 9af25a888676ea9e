import { hashPassword, verifyPassword } from "../auth/passwords";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { perClient } from "../db/per-client";
import { AppError } from "./errors";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** After this many failures in the window (per email, or per address) further attempts get 429. */
export const MAX_FAILED_SIGN_INS = 10;

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
export async function authenticatePassword(db: Db, { email, password, ip }: { email: string; password: string; ip: string }, now = new Date()): Promise<Actor | null> {
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

/** Throws RATE_LIMITED with the seconds to wait when the email or the address has failed too often. */
export async function assertSignInAllowed(db: Db, { email, ip }: { email: string; ip: string }, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({ where: { email, succeeded: true, createdAt: { gt: since } }, orderBy: { createdAt: "desc" } });
  const byEmail = await oldestBlockingFailure(db, { email, createdAt: { gt: lastSuccess?.createdAt ?? since } });
  const byIp = await oldestBlockingFailure(db, { ip, createdAt: { gt: since } });
  const blocking = [byEmail, byIp].filter((date): date is Date => date !== null);
  if (!blocking.length) return;
  const until = Math.max(...blocking.map((date) => date.getTime() + SIGN_IN_WINDOW_MS));
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}

/** The failure whose expiry would bring the count back under the limit, or null when under it. */
async function oldestBlockingFailure(db: Db, where: { email?: string; ip?: string; createdAt: { gt: Date } }): Promise<Date | null> {
  const recent = await db.signInAttempt.findMany({ where: { ...where, succeeded: false }, orderBy: { createdAt: "desc" }, take: MAX_FAILED_SIGN_INS, select: { createdAt: true } });
  return recent.length >= MAX_FAILED_SIGN_INS ? recent[recent.length - 1].createdAt : null;
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
