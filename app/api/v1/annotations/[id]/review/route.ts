import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";

export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  reviewAnnotation(db, { actor, annotationId: params.id, input: await readJson(request) }),
);
