import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZChangePassword } from "../../schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignInAllowed } from "../session/assert-sign-in-allowed";
import { AppError, invalid } from "../shared/errors";
import { revokeUserSessions } from "./revoke-user-sessions";

/**
 * A signed-in user changes their own password. The current password is
 * required (a browser left open must not be enough to take the account over),
 * and a wrong one counts as a failed sign-in for the same rate limit, so this
 * is no way round it. The new hash, the end of every other session of the user
 * (whoever may hold the old password is signed out everywhere) and the audit
 * event are one transaction; the session making the change stays signed in.
 */
export async function changePassword(
  db: Db,
  { actor, input, sessionId, ip }: { actor: Actor; input: unknown; sessionId: string | null; ip: string },
  now = new Date(),
): Promise<{ sessionsEnded: number }> {
  if (actor.via !== "session" || !sessionId) {
    throw new AppError(
      "FORBIDDEN",
      "Change your password from your account page while signed in: an API token cannot change it.",
    );
  }
  const { currentPassword, newPassword } = ZChangePassword.parse(input);
  await assertSignInAllowed(db, { email: actor.email, ip }, now);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  const ok = Boolean(user?.passwordHash) && (await verifyPassword(currentPassword, user!.passwordHash!));
  if (!ok) {
    await db.signInAttempt.create({ data: { email: actor.email, ip, succeeded: false, createdAt: now } });
    throw invalid(
      "currentPassword",
      user?.passwordHash
        ? "is not your current password: type the password you signed in with."
        : "cannot be checked: your account signs in without a password here, so it has none to change.",
    );
  }
  if (currentPassword === newPassword)
    throw invalid("newPassword", "is the same as your current password: choose a different one.");
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const sessionsEnded = await revokeUserSessions(tx, { userId: actor.id, except: sessionId }, now);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: AUDIT.user.passwordChanged,
      payload: { userId: actor.id, sessionsEnded },
    });
    return { sessionsEnded };
  });
}
