import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { versionParam } from "@/lib/http/version-param";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { readAnnotation } from "@/lib/server/annotation/read-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";

/** The annotation in full (the workbench reads an annotation's details when it is opened). */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) =>
  readAnnotation(db, { actor, annotationId: params.id }),
);

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateAnnotation(db, { actor, annotationId: params.id, input: await readJson(request) }),
);

/** `?version=N` deletes only if nobody changed the annotation since version N. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  deleteAnnotation(db, { actor, annotationId: params.id, version: versionParam(request) }),
);
