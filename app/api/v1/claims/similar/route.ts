import { apiRoute } from "@/lib/http/api-route";
import { findSimilarClaims } from "@/lib/server/claims/find-similar-claims";

/** "Checked before": `?text=&limit=5&excludeArticleId=` → `{ items }`, "same" first, then "different-figure". */
export const GET = apiRoute(async ({ db, actor, request }) =>
  findSimilarClaims(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
