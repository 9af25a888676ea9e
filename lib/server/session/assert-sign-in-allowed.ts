import type { Db } from "../../db/client";
import { AppError } from "../shared/errors";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** After this many failures in the window (per email, or per address) further attempts get 429. */
export const MAX_FAILED_SIGN_INS = 10;

/** Throws RATE_LIMITED with the seconds to wait when the email or the address has failed too often. */
export async function assertSignInAllowed(
  db: Db,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
  });
  const byEmail = await oldestBlockingFailure(db, { email, createdAt: { gt: lastSuccess?.createdAt ?? since } });
  const byIp = await oldestBlockingFailure(db, { ip, createdAt: { gt: since } });
  const blocking = [byEmail, byIp].filter((date): date is Date => date !== null);
  if (!blocking.length) return;
  const until = Math.max(...blocking.map((date) => date.getTime() + SIGN_IN_WINDOW_MS));
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new AppError(
    "RATE_LIMITED",
    `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

/** The failure whose expiry would bring the count back under the limit, or null when under it. */
async function oldestBlockingFailure(
  db: Db,
  where: { email?: string; ip?: string; createdAt: { gt: Date } },
): Promise<Date | null> {
  const recent = await db.signInAttempt.findMany({
    where: { ...where, succeeded: false },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILED_SIGN_INS,
    select: { createdAt: true },
  });
  return recent.length >= MAX_FAILED_SIGN_INS ? recent[recent.length - 1].createdAt : null;
}
