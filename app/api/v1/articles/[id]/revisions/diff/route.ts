import { apiRoute } from "@/lib/http/api-route";
import { diffArticleRevisions } from "@/lib/server/article/diff-revisions";

export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  diffArticleRevisions(db, {
    actor,
    articleId: params.id,
    input: Object.fromEntries(new URL(request.url).searchParams),
  }),
);
