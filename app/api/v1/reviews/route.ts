import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { reviewBatch } from "@/lib/server/review/review-batch";

export const POST = apiRoute(async ({ db, actor, request }) =>
  reviewBatch(db, { actor, input: await readJson(request) }),
);
