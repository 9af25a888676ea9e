import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { addSource } from "@/lib/server/source/add-source";

/** Returns the whole annotation, with its new version and the source added at the end. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, request, params }) =>
    addSource(db, { actor, annotationId: params.id, input: await readJson(request) }),
  { status: 201 },
);
