import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { requirePermission } from "../shared/require-permission";
import { toUserView, type UserView } from "../../views/user-view";

export async function listUsers(db: Db, { actor }: { actor: Actor }): Promise<UserView[]> {
  requirePermission(actor, "manage:users");
  const users = await db.user.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
  });
  return users.map(toUserView);
}
