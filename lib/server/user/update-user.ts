import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZUpdateUser } from "../../schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { revokeUserSessions } from "./revoke-user-sessions";
import { toUserView, type UserView } from "../../views/user-view";

/**
 * Admins rename, change the role of, deactivate or reactivate a user. A
 * deactivated user's work stays, attributed to them; they can no longer sign
 * in or use tokens. A role change or a deactivation ends the user's browser
 * sessions (they sign in again). Admins cannot demote or deactivate themselves, so an
 * installation never loses its last admin by accident.
 */
export async function updateUser(
  db: Db,
  { actor, userId, input }: { actor: Actor; userId: string; input: unknown },
): Promise<UserView> {
  requirePermission(actor, "manage:users");
  const changes = ZUpdateUser.parse(input);
  if (userId === actor.id && ((changes.role && changes.role !== "ADMIN") || changes.active === false)) {
    throw new AppError("FORBIDDEN", "You cannot demote or deactivate yourself; ask another admin.");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    const deactivatedAt =
      changes.active === undefined ? undefined : changes.active ? null : (before.deactivatedAt ?? new Date());
    const after = await tx.user.update({
      where: { id: userId },
      data: { name: changes.name, role: changes.role, deactivatedAt },
    });
    // A session signed in under the old role, or before a deactivation, ends with the change (a rename leaves it be).
    if (after.role !== before.role || Boolean(after.deactivatedAt) !== Boolean(before.deactivatedAt))
      await revokeUserSessions(tx, { userId });
    await recordAuditEvent(tx, {
      actorId: actor.via === "cli" ? null : actor.id,
      action: AUDIT.user.updated,
      payload: {
        userId,
        from: { name: before.name, role: before.role, active: !before.deactivatedAt },
        to: { name: after.name, role: after.role, active: !after.deactivatedAt },
      },
    });
    return toUserView(after);
  });
}
