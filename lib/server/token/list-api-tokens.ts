import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { requirePermission, requireSessionForTokens } from "../shared/require-permission";
import { toTokenView, type TokenView } from "../../views/token-view";

export async function listApiTokens(db: Db, { actor }: { actor: Actor }): Promise<TokenView[]> {
  requirePermission(actor, "manage:own-tokens");
  requireSessionForTokens(actor);
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map(toTokenView);
}
