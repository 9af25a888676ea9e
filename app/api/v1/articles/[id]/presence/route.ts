import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { updatePresence } from "@/lib/server/article/update-presence";

/** `{ connectionId, annotationId }`: what this open tab is looking at. 204. */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updatePresence(db, { actor, articleId: params.id, input: await readJson(request) }),
);
