import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { versionParam } from "@/lib/http/version-param";
import { deleteSource } from "@/lib/server/source/delete-source";
import { updateSource } from "@/lib/server/source/update-source";

/** Both return the whole updated annotation; `version` (body, or `?version=N` to delete) is the annotation's version last seen. */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateSource(db, { actor, sourceId: params.id, input: await readJson(request) }),
);

export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  deleteSource(db, { actor, sourceId: params.id, version: versionParam(request) }),
);
