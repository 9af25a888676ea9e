import { env } from "@/lib/config/env";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { fetchArticle } from "@/lib/server/article/fetch-article";

/** `{ url }` → the article on that page, to fill the import form (stores nothing). */
export const POST = apiRoute(async ({ actor, request }) =>
  fetchArticle({
    actor,
    input: await readJson(request),
    allowPrivateHosts: env().FACTMARK_FETCH_PRIVATE_HOSTS === "allow",
  }),
);
