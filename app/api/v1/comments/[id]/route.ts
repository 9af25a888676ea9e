import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { versionParam } from "@/lib/http/version-param";
import { deleteComment } from "@/lib/server/comment/delete-comment";
import { updateComment } from "@/lib/server/comment/update-comment";

/** Only the author edits a comment; `version` is the one last seen. */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateComment(db, { actor, commentId: params.id, input: await readJson(request) }),
);

/** The author, or an admin (moderation). `?version=N` deletes only if the comment is still at version N. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  deleteComment(db, { actor, commentId: params.id, version: versionParam(request) }),
);
