import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { ARTICLE_REQUEST_LIMIT } from "@/lib/schemas/articles";
import { createArticle } from "@/lib/server/article/create-article";
import { listArticles } from "@/lib/server/article/list-articles";

export const GET = apiRoute(async ({ db, actor, request }) =>
  listArticles(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);

export const POST = apiRoute(
  async ({ db, actor, request }) => createArticle(db, { actor, input: await readJson(request, ARTICLE_REQUEST_LIMIT) }),
  { status: 201 },
);
