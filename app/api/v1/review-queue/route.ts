import { apiRoute } from "@/lib/http/api-route";
import { reviewQueue } from "@/lib/server/review/review-queue";

/** `?page=&pageSize=` (50 by default, at most 200) → `{ items, total, page, pageSize }`. */
export const GET = apiRoute(async ({ db, actor, request }) =>
  reviewQueue(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
