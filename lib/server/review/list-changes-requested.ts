import type { Actor } from "../../domain/actor";
import type { AnnotationKind } from "../../domain/annotation";
import type { Db } from "../../db/client";
import { HOME_LIST_SIZE } from "../annotation/list-my-drafts";
import { requirePermission } from "../shared/require-permission";

export type ChangesRequested = {
  total: number;
  items: {
    id: string;
    kind: AnnotationKind;
    quote: string;
    article: { id: string; title: string };
    updatedAt: string;
  }[];
};

/**
 * The home page's "Changes requested of you": the actor's own annotations a
 * reviewer sent back, oldest request first (it has waited longest), the first
 * few with their article and how many in all. Two queries.
 */
export async function listChangesRequested(db: Db, { actor }: { actor: Actor }): Promise<ChangesRequested> {
  requirePermission(actor, "read:article");
  const where = { createdById: actor.id, status: "CHANGES_REQUESTED" as const };
  const [total, rows] = await Promise.all([
    db.annotation.count({ where }),
    db.annotation.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: HOME_LIST_SIZE,
      select: { id: true, kind: true, quote: true, updatedAt: true, article: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      quote: row.quote,
      article: row.article,
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}
