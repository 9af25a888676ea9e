import { env } from "@/lib/config/env";
import { apiRoute } from "@/lib/http/api-route";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { exportArticle } from "@/lib/server/article/export-article";

/** `?format=html|claimreview|w3c|csv` (default html), as a download. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) => {
  const file = await exportArticle(db, {
    actor,
    articleId: params.id,
    input: Object.fromEntries(new URL(request.url).searchParams),
    baseUrl: publicBaseUrl(request),
    publicBaseUrl: env().FACTMARK_PUBLIC_URL,
    publisher: env().FACTMARK_PUBLISHER,
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
