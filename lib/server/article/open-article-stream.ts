import type { Actor } from "../../domain/actor";
import { getReaderDb, type Db } from "../../db/client";
import { articleStream } from "../../realtime/article-stream";
import { getBus } from "../../realtime/get-bus";
import { MAX_INT } from "../../schemas/common";
import { AppError, invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/** Only for users who may read the article; an unknown article is 404 before any stream opens. */
export async function openArticleStream(
  db: Db,
  { actor, articleId, request }: { actor: Actor; articleId: string; request: Request },
) {
  requirePermission(actor, "read:article");
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", "No such article.");
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const lastEventId = raw === null || raw === "" ? null : Number(raw);
  // Event ids are Int: a larger number would fail PostgreSQL's query after the stream had opened.
  if (lastEventId !== null && (!Number.isInteger(lastEventId) || lastEventId < 0 || lastEventId > MAX_INT))
    throw invalid("lastEventId", `must be a whole number from 0 to ${MAX_INT}`);
  return articleStream({
    db,
    reader: await getReaderDb(),
    bus: await getBus(),
    actor,
    articleId,
    lastEventId,
    signal: request.signal,
  });
}
