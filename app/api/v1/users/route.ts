import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createUser } from "@/lib/server/user/create-user";
import { listUsers } from "@/lib/server/user/list-users";

export const GET = apiRoute(async ({ db, actor }) => ({ users: await listUsers(db, { actor }) }));

export const POST = apiRoute(
  async ({ db, actor, request }) => createUser(db, { actor, input: await readJson(request) }),
  { status: 201 },
);
