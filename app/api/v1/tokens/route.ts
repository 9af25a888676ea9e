import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { listApiTokens } from "@/lib/server/token/list-api-tokens";

export const GET = apiRoute(async ({ db, actor }) => ({ tokens: await listApiTokens(db, { actor }) }));

export const POST = apiRoute(
  async ({ db, actor, request }) => createApiToken(db, { actor, input: await readJson(request) }),
  { status: 201 },
);
