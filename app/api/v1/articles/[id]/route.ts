import { apiRoute } from "@/lib/http/api-route";
import { getArticle } from "@/lib/server/get-article";

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => getArticle(db, { actor, articleId: params.id }));
