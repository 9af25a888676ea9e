import { hashPassword } from "../../auth/passwords";
import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZCreateUser } from "../../schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { invalid } from "../shared/errors";
import { isUniqueViolation } from "../shared/prisma-errors";
import { requirePermission } from "../shared/require-permission";
import { toUserView, type UserView } from "../../views/user-view";

/** Admins add users. A duplicate email is INVALID on `email`, whatever its case. */
export async function createUser(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<UserView> {
  requirePermission(actor, "manage:users");
  const data = ZCreateUser.parse(input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))
    throw invalid("email", "a user with this email already exists");
  const passwordHash = await hashPassword(data.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
      });
      await recordAuditEvent(tx, {
        actorId: actor.via === "cli" ? null : actor.id,
        action: AUDIT.user.created,
        payload: { userId: created.id, email: created.email, role: created.role },
      });
      return created;
    });
    return toUserView(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid("email", "a user with this email already exists");
    throw error;
  }
}
