import { apiRoute } from "@/lib/http/api-route";
import { revokeApiToken } from "@/lib/server/token/revoke-api-token";

export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) =>
  revokeApiToken(db, { actor, tokenId: params.id }),
);
