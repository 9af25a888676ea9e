import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../shared/errors";
import { requirePermission, requireSessionForTokens } from "../shared/require-permission";
import { toTokenView, type TokenView } from "../../views/token-view";

/** Users revoke their own tokens; someone else's token is simply not found. Revoking twice is harmless. */
export async function revokeApiToken(
  db: Db,
  { actor, tokenId }: { actor: Actor; tokenId: string },
): Promise<TokenView> {
  requirePermission(actor, "manage:own-tokens");
  requireSessionForTokens(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
    if (!row) throw new AppError("NOT_FOUND", "No such token.");
    if (row.revokedAt) return toTokenView(row);
    const revoked = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: AUDIT.token.revoked,
      payload: { tokenId: row.id, name: row.name },
    });
    return toTokenView(revoked);
  });
}
