import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import type { Db } from "../../db/client";
import {
  annotationInclude,
  toAnnotationView,
  type AnnotationView,
  type LinkedAnnotationView,
} from "../../views/article-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/** The most "reused in" links a detail read lists (the count is exact). */
const REUSED_BY_SHOWN = 20;

const linkedSelect = {
  id: true,
  kind: true,
  number: true,
  articleId: true,
  verdict: true,
  article: { select: { title: true } },
} as const;

/**
 * One annotation in full, as every change answers it: what the workbench reads
 * when one is opened (its page carries summaries: decision 028), with its
 * "based on" link both ways (decision 030). Anyone who may read the article
 * may read it. One row's includes: no parameter per row.
 */
export async function readAnnotation(
  db: Db,
  { actor, annotationId }: { actor: Actor; annotationId: string },
): Promise<AnnotationView & { reusedByCount: number }> {
  requirePermission(actor, "read:article");
  const row = await db.annotation.findUnique({
    where: { id: annotationId },
    include: {
      ...annotationInclude,
      basedOn: { select: linkedSelect },
      reusedBy: { select: linkedSelect, orderBy: { createdAt: "desc" }, take: REUSED_BY_SHOWN },
      _count: { select: { reusedBy: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation.");
  const { basedOn, reusedBy, _count, ...annotation } = row;
  return {
    ...toAnnotationView(annotation),
    basedOn: basedOn ? linked(basedOn) : null,
    reusedBy: reusedBy.map(linked),
    reusedByCount: _count.reusedBy,
  };
}

function linked(row: {
  id: string;
  kind: Parameters<typeof annotationLabel>[0];
  number: number;
  articleId: string;
  verdict: LinkedAnnotationView["verdict"];
  article: { title: string };
}): LinkedAnnotationView {
  return {
    id: row.id,
    label: annotationLabel(row.kind, row.number),
    articleId: row.articleId,
    articleTitle: row.article.title,
    verdict: row.verdict,
  };
}
