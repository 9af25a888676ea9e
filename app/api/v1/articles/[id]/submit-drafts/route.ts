import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { submitDrafts } from "@/lib/server/annotation/submit-drafts";

export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  submitDrafts(db, { actor, articleId: params.id, input: await readJson(request) }),
);
