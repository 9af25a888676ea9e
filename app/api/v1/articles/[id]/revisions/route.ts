import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { ARTICLE_REQUEST_LIMIT } from "@/lib/schemas/articles";
import { addRevision } from "@/lib/server/article/add-revision";

export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, request, params }) =>
    addRevision(db, { actor, articleId: params.id, input: await readJson(request, ARTICLE_REQUEST_LIMIT) }),
  { status: 201 },
);
