import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { updateUser } from "@/lib/server/user/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateUser(db, { actor, userId: params.id, input: await readJson(request) }),
);
