import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { requirePermission } from "../shared/require-permission";

/** How many articles (drafts) or annotations (changes requested) the home page lists; the rest are counted. */
export const HOME_LIST_SIZE = 8;

export type DraftsByArticle = { total: number; articles: { id: string; title: string; drafts: number }[] };

/**
 * The home page's "My drafts": annotations the actor wrote that are still in
 * DRAFT, counted per article, the article with the most recent draft first.
 * Two queries whatever the numbers (a grouped count, then the titles of the
 * few articles shown), so a long backlog costs no more than a short one.
 */
export async function listMyDrafts(db: Db, { actor }: { actor: Actor }): Promise<DraftsByArticle> {
  requirePermission(actor, "read:article");
  const groups = await db.annotation.groupBy({
    by: ["articleId"],
    where: { createdById: actor.id, status: "DRAFT" },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  groups.sort((a, b) => (b._max.updatedAt?.getTime() ?? 0) - (a._max.updatedAt?.getTime() ?? 0));
  const shown = groups.slice(0, HOME_LIST_SIZE);
  const titles = shown.length
    ? await db.article.findMany({
        where: { id: { in: shown.map((group) => group.articleId) } },
        select: { id: true, title: true },
      })
    : [];
  const titleOf = new Map(titles.map((row) => [row.id, row.title]));
  return {
    total: groups.reduce((sum, group) => sum + group._count._all, 0),
    articles: shown.map((group) => ({
      id: group.articleId,
      title: titleOf.get(group.articleId) ?? "",
      drafts: group._count._all,
    })),
  };
}
