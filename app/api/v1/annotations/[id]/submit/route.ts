import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";

export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  submitAnnotation(db, { actor, annotationId: params.id, input: await readJson(request) }),
);
