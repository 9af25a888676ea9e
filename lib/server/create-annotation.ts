import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { ZCreateAnnotation } from "../schemas/annotations";
import { anchorSpan } from "./anchor-span";
import { annotationInclude, toAnnotationView, type AnnotationView } from "./article-view";
import { recordAuditEvent } from "./audit";
import { checkDeniedClaim } from "./check-denied-claim";
import { AppError } from "./errors";
import { assertEditable } from "./load-article";
import { requirePermission } from "./require-permission";

/** Tags a span of the article's current revision. Nothing is stored unless every check passes. */
export async function createAnnotation(db: Db, { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown }): Promise<AnnotationView> {
  requirePermission(actor, "create:annotation");
  const data = ZCreateAnnotation.parse(input);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, include: { currentRevision: true } });
    if (!article?.currentRevision) throw new AppError("NOT_FOUND", "No such article.");
    assertEditable(article);
    const anchor = anchorSpan(article.currentRevision.text, data.start, data.end, data.quote);
    await checkDeniedClaim(tx, articleId, data.deniesId);
    const created = await tx.annotation.create({
      data: {
        articleId,
        revisionId: article.currentRevision.id,
        kind: data.kind,
        start: data.start,
        end: data.end,
        ...anchor,
        speaker: data.speaker,
        note: data.note ?? "",
        verdict: data.verdict ?? null,
        rationale: data.rationale,
        deniesId: data.deniesId ?? null,
        createdById: actor.id,
        sources: { create: (data.sources ?? []).map((source, position) => ({ ...source, position })) },
      },
      include: annotationInclude,
    });
    await tx.article.update({ where: { id: articleId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, { articleId, annotationId: created.id, actorId: actor.id, action: "annotation.created", payload: { kind: created.kind, quote: created.quote, version: created.version } });
    return toAnnotationView(created);
  });
}
