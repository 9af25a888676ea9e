import { apiRoute } from "@/lib/http/api-route";
import { listAudit } from "@/lib/server/audit/list-audit";

export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  listAudit(db, { actor, articleId: params.id, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
