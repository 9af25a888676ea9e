import { env } from "@/lib/config/env";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { ARTICLE_REQUEST_LIMIT } from "@/lib/schemas/articles";
import { previewArticle } from "@/lib/server/article/preview-article";

/** `{ url }` or `{ html }` → the article's blocks (kept or left out) and details, to check before importing (stores nothing). */
export const POST = apiRoute(async ({ actor, request }) =>
  previewArticle({
    actor,
    input: await readJson(request, ARTICLE_REQUEST_LIMIT),
    allowPrivateHosts: env().FACTMARK_FETCH_PRIVATE_HOSTS === "allow",
  }),
);
