import type { Actor } from "../../domain/actor";
import { ARTICLE_STATUSES } from "../../domain/annotation";
import type { Db } from "../../db/client";
import type { ArticlesByStatus } from "../../views/desk";
import { requirePermission } from "../shared/require-permission";

/** How many articles stand in each status (one GROUP BY), every status listed, in workflow order. */
export async function articlesByStatus(db: Db, { actor }: { actor: Actor }): Promise<ArticlesByStatus> {
  requirePermission(actor, "read:article");
  const rows = await db.article.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = new Map(rows.map((row) => [row.status, row._count._all]));
  return ARTICLE_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
