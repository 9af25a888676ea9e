import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { reopenArticle } from "@/lib/server/article/reopen-article";

export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  reopenArticle(db, { actor, articleId: params.id, input: await readJson(request) }),
);
