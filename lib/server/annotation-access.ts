import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { annotationInclude, toAnnotationView } from "./article-view";
import { AppError } from "./errors";
import { assertEditable } from "./load-article";
import { requirePermission } from "./require-permission";

type Tx = Pick<Db, "annotation">;

/**
 * Loads an annotation for a change by `actor`: NOT_FOUND when missing, LOCKED
 * when its article is signed off, FORBIDDEN without the own/others permission,
 * CONFLICT (with the current state) when `version` is not the stored one.
 */
export async function annotationForChange(tx: Tx, actor: Actor, annotationId: string, change: "update" | "delete", version?: number) {
  // Everything an AnnotationView needs, so a change can answer without reading the row again.
  const annotation = await tx.annotation.findUnique({ where: { id: annotationId }, include: { ...annotationInclude, article: { select: { status: true } } } });
  if (!annotation) throw new AppError("NOT_FOUND", "No such annotation.");
  assertEditable(annotation.article);
  requirePermission(actor, annotation.createdById === actor.id ? `${change}:annotation:own` : `${change}:annotation:others`, `You may not ${change} annotations written by others.`);
  if (version !== undefined && version !== annotation.version) throw staleVersion(annotation);
  return annotation;
}

export function staleVersion(current: Parameters<typeof toAnnotationView>[0]): AppError {
  return new AppError("CONFLICT", `Someone changed this annotation since you loaded it (now version ${current.version}).`, { current: toAnnotationView(current) });
}
