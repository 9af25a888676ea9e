import type { Db } from "../db/client";
import { annotationInclude, toAnnotationView, toReviewView } from "../server/article-view";
import { commentInclude, toCommentView } from "../server/comment-view";

export type StreamEvent = { id?: number; event: string; data: Record<string, unknown> };

const ANNOTATION_UPDATES = new Set(["annotation.updated", "annotation.submitted", "annotation.approved", "annotation.changes_requested", "source.added", "source.updated", "source.removed"]);
const ARTICLE_UPDATES = new Set(["article.status", "article.signed_off", "article.reopened"]);
const COMMENT_EVENTS = new Set(["comment.created", "comment.updated", "comment.deleted"]);

/**
 * The article's committed changes after `afterId`, as stream events carrying
 * each entity's current state and version (receivers replace what they hold).
 * Built from the audit trail, which is written in the same transaction as
 * every change: the stream can never show a change that was rolled back, and
 * a reconnecting client can be told exactly what it missed.
 */
export async function eventsSince(db: Db, articleId: string, afterId: number, limit: number): Promise<{ events: StreamEvent[]; lastId: number; truncated: boolean }> {
  const rows = await db.auditEvent.findMany({ where: { articleId, id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit + 1, include: { actor: { select: { id: true, name: true } } } });
  const truncated = rows.length > limit;
  const page = rows.slice(0, limit);
  if (!page.length) return { events: [], lastId: afterId, truncated: false };

  const annotationIds = [...new Set(page.map((row) => row.annotationId).filter((id): id is string => Boolean(id)))];
  const commentIds = page.filter((row) => COMMENT_EVENTS.has(row.action)).map((row) => String((JSON.parse(row.payload) as { commentId?: string }).commentId ?? ""));
  const comments = new Map(commentIds.length ? (await db.comment.findMany({ where: { id: { in: commentIds } }, include: commentInclude })).map((row) => [row.id, toCommentView(row)]) : []);
  const annotationRows = annotationIds.length ? await db.annotation.findMany({ where: { id: { in: annotationIds } }, include: annotationInclude }) : [];
  const annotations = new Map(annotationRows.map((row) => [row.id, toAnnotationView(row)]));
  const needsArticle = page.some((row) => ARTICLE_UPDATES.has(row.action));
  const article = needsArticle
    ? await db.article.findUnique({ where: { id: articleId }, select: { status: true, version: true, signOffs: { where: { decision: "APPROVED" }, orderBy: { createdAt: "desc" }, take: 1, include: { reviewer: { select: { id: true, name: true } } } } } })
    : null;

  const events: StreamEvent[] = [];
  for (const row of page) {
    const base = { actor: row.actor, at: row.createdAt.toISOString(), action: row.action };
    const annotation = row.annotationId ? annotations.get(row.annotationId) : undefined;
    if (row.action === "annotation.created" || ANNOTATION_UPDATES.has(row.action)) {
      events.push(annotation ? { id: row.id, event: row.action === "annotation.created" ? "annotation.created" : "annotation.updated", data: { ...base, annotation } } : { id: row.id, event: "annotation.deleted", data: { ...base, id: row.annotationId } });
    } else if (row.action === "annotation.deleted") {
      events.push({ id: row.id, event: "annotation.deleted", data: { ...base, id: row.annotationId } });
    } else if (ARTICLE_UPDATES.has(row.action) && article) {
      events.push({ id: row.id, event: "article.status", data: { ...base, status: article.status, version: article.version, signOff: article.status === "SIGNED_OFF" ? toReviewView(article.signOffs[0]) : null } });
    } else if (COMMENT_EVENTS.has(row.action)) {
      const payload = JSON.parse(row.payload) as { commentId?: string };
      const view = (payload.commentId ? comments.get(payload.commentId) : undefined) ?? null;
      events.push({ id: row.id, event: view || row.action === "comment.deleted" ? row.action : "comment.deleted", data: { ...base, commentId: payload.commentId, annotationId: row.annotationId, comment: view } });
    } else {
      // Other audit entries (e.g. article.created) still move the cursor, so Last-Event-ID stays exact.
      events.push({ id: row.id, event: "noop", data: base });
    }
  }
  return { events, lastId: page.at(-1)!.id, truncated };
}

/** The id a new stream starts after: the article's newest audit event. */
export async function latestEventId(db: Db, articleId: string): Promise<number> {
  return (await db.auditEvent.aggregate({ where: { articleId }, _max: { id: true } }))._max.id ?? 0;
}
