import { generateApiToken } from "../../auth/tokens";
import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZCreateToken } from "../../schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requirePermission, requireSessionForTokens } from "../shared/require-permission";
import type { TokenView } from "../../views/token-view";

/** A personal token for the actor. The token itself is returned this once; only its hash is stored. */
export async function createApiToken(
  db: Db,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<TokenView & { token: string }> {
  requirePermission(actor, "manage:own-tokens");
  requireSessionForTokens(actor);
  const { name } = ZCreateToken.parse(input);
  const { token, hash, prefix } = generateApiToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: actor.id, name, tokenHash: hash, prefix } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: AUDIT.token.created,
      payload: { tokenId: created.id, name },
    });
    return created;
  });
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    token,
  };
}
