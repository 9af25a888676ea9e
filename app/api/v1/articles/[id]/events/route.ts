import { apiRoute } from "@/lib/http/api-route";
import { openArticleStream } from "@/lib/server/article/open-article-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events: every committed change to the article, and who else has it open. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) => {
  const stream = await openArticleStream(db, { actor, articleId: params.id, request });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
