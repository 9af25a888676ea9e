import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { signOffArticle } from "@/lib/server/article/sign-off-article";

export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  signOffArticle(db, { actor, articleId: params.id, input: await readJson(request) }),
);
