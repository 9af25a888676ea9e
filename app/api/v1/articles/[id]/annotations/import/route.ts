import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";

const IMPORT_LIMIT = 10 * 1024 * 1024;

/** A W3C Web Annotation document → `{ created, rejected, warnings }`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, request, params }) =>
    importW3cAnnotations(db, { actor, articleId: params.id, input: await readJson(request, IMPORT_LIMIT) }),
  { status: 201 },
);
