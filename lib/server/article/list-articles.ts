import type { Actor } from "../../domain/actor";
import type { AnnotationKind, ArticleStatus } from "../../domain/annotation";
import type { Db } from "../../db/client";
import { providerOf } from "../../db/client";
import { ZListArticles } from "../../schemas/articles";
import { requirePermission } from "../shared/require-permission";

export type ArticleListItem = {
  id: string;
  title: string;
  status: ArticleStatus;
  publisher: string | null;
  counts: Record<AnnotationKind, number>;
  updatedAt: string;
};

export type ArticleList = { articles: ArticleListItem[]; page: number; pageSize: number; total: number };

/** Newest change first; filter by status, search the title (case-insensitive on both databases). */
export async function listArticles(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<ArticleList> {
  requirePermission(actor, "read:article");
  const { page, pageSize, status, q } = ZListArticles.parse(input);
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs mode "insensitive".
  const titleFilter = q
    ? { title: providerOf(db) === "postgresql" ? { contains: q, mode: "insensitive" as never } : { contains: q } }
    : {};
  const where = { ...(status ? { status } : {}), ...titleFilter };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, status: true, publisher: true, updatedAt: true },
    }),
  ]);
  const grouped = rows.length
    ? await db.annotation.groupBy({
        by: ["articleId", "kind"],
        where: { articleId: { in: rows.map((row) => row.id) } },
        _count: { _all: true },
      })
    : [];
  const articles = rows.map((row) => {
    const counts: Record<AnnotationKind, number> = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
    for (const group of grouped) if (group.articleId === row.id) counts[group.kind] = group._count._all;
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      publisher: row.publisher,
      counts,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
  return { articles, page, pageSize, total };
}
