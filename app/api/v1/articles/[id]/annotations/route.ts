import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";

export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, request, params }) =>
    createAnnotation(db, { actor, articleId: params.id, input: await readJson(request) }),
  { status: 201 },
);
