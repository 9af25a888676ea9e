import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { annotationInclude, toAnnotationView, type AnnotationView } from "../../views/article-view";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/**
 * One annotation in full, as every change answers it: what the workbench reads
 * when one is opened (its page carries summaries: decision 028). Anyone who may
 * read the article may read it. One row's includes: no parameter per row.
 */
export async function readAnnotation(
  db: Db,
  { actor, annotationId }: { actor: Actor; annotationId: string },
): Promise<AnnotationView> {
  requirePermission(actor, "read:article");
  const row = await db.annotation.findUnique({ where: { id: annotationId }, include: annotationInclude });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation.");
  return toAnnotationView(row);
}
