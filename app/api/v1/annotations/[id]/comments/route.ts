import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createComment } from "@/lib/server/comment/create-comment";
import { listComments } from "@/lib/server/comment/list-comments";

/** The annotation's discussion, oldest first. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({
  comments: await listComments(db, { actor, annotationId: params.id }),
}));

export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, request, params }) =>
    createComment(db, { actor, annotationId: params.id, input: await readJson(request) }),
  { status: 201 },
);
