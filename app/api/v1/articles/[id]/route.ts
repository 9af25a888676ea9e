import { annotationsParam } from "@/lib/http/annotations-param";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { getArticle } from "@/lib/server/article/get-article";
import { updateArticle } from "@/lib/server/article/update-article";

/** `?annotations=summary`: each annotation without its details (the workbench's re-reads; GET /annotations/:id has them). */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  getArticle(db, { actor, articleId: params.id, summaries: annotationsParam(request) === "summary" }),
);

/** `{ publicUrl }`: where the fact-check is published (null: FACTMARK_PUBLIC_URL + id). */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateArticle(db, { actor, articleId: params.id, input: await readJson(request) }),
);
