import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createArticle } from "@/lib/server/article/create-article";
import { listArticles } from "@/lib/server/article/list-articles";

/** Larger than the 2 MB body rule, so an oversized article gets 422 naming the field, not 413. */
const ARTICLE_REQUEST_LIMIT = 8 * 1024 * 1024;

export const GET = apiRoute(async ({ db, actor, request }) =>
  listArticles(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);

export const POST = apiRoute(
  async ({ db, actor, request }) => createArticle(db, { actor, input: await readJson(request, ARTICLE_REQUEST_LIMIT) }),
  { status: 201 },
);
