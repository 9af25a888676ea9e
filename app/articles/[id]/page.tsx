import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageActor } from "@/lib/auth/page-actor";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { isAppId } from "@/lib/http/input-guard";
import { can } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/shared/errors";
import { openWorkbench } from "@/lib/server/article/open-workbench";
import { packArticle } from "@/components/workbench/page-article";
import { Workbench } from "@/components/workbench/Workbench";
import type { RolePermissions } from "@/components/workbench/access";
import "../../workbench.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One load per request, shared by the metadata and the page. */
const load = cache(async (id: string) => {
  const actor = await requirePageActor(`/articles/${encodeURIComponent(id)}`);
  // An id that cannot be one (a NUL in it would fail PostgreSQL's query) is simply not found.
  if (!isAppId(id)) notFound();
  try {
    return { actor, ...(await openWorkbench(await getDb(), { actor, articleId: id })) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const { actor, article, since } = await load((await params).id);
  // Whether the article is signed off (read-only) the workbench works out itself: it changes while the page is open.
  const permissions: RolePermissions = {
    create: can(actor.role, "create:annotation"),
    updateOwn: can(actor.role, "update:annotation:own"),
    updateOthers: can(actor.role, "update:annotation:others"),
    deleteOwn: can(actor.role, "delete:annotation:own"),
    deleteOthers: can(actor.role, "delete:annotation:others"),
    review: can(actor.role, "review:annotation:others"),
    signOff: can(actor.role, "signoff:article"),
    reopen: can(actor.role, "reopen:article"),
  };
  return (
    <Workbench
      article={packArticle(article)}
      since={since}
      actor={{ id: actor.id, role: actor.role }}
      permissions={permissions}
      publicBase={env().FACTMARK_PUBLIC_URL ?? null}
    />
  );
}
