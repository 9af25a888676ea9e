import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { requirePageActor } from "@/lib/auth/page-actor";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { isAppId } from "@/lib/http/input-guard";
import { can } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/shared/errors";
import { findArticleHeading } from "@/lib/server/article/find-article-heading";
import { openWorkbench } from "@/lib/server/article/open-workbench";
import { packArticle } from "@/components/workbench/page-article";
import { Workbench } from "@/components/workbench/Workbench";
import type { RolePermissions } from "@/components/workbench/access";
import "../../workbench.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Turns of the event loop the workbench's reads wait for, so that the page's frame is written out first. */
const FRAME_TURNS = 8;

/**
 * SQLite reads are synchronous (better-sqlite3) and hold the event loop until they are done, while the frame still
 * has a few tasks to go through before it reaches the socket: React's render and flush and Next's buffering (six
 * turns of the event loop with Next 16.4, measured: with fewer the frame waited for the reads), then gzip's flush on
 * the thread pool (the millisecond). On PostgreSQL the reads are asynchronous and this only costs the same wait.
 */
async function frameWrittenOut() {
  for (let turn = 0; turn < FRAME_TURNS; turn++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 1));
}

const notFoundOn = (error: unknown): never => {
  if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
  throw error;
};

/**
 * Who is asking and whether the article exists, once per request (the metadata and the page share it). Decided
 * before anything is sent, so a signed-out visit is still a redirect and an unknown id still a 404.
 */
const access = cache(async (id: string) => {
  const actor = await requirePageActor(`/articles/${encodeURIComponent(id)}`);
  // An id that cannot be one (a NUL in it would fail PostgreSQL's query) is simply not found.
  if (!isAppId(id)) notFound();
  const { title } = await findArticleHeading(await getDb(), { actor, articleId: id }).catch(notFoundOn);
  return { actor, title };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { title } = await access((await params).id);
  return { title };
}

/**
 * The page's frame goes out as soon as the access is decided; the workbench follows in the same response once the
 * article and its annotations are read, so the browser fetches the scripts and styles meanwhile, and the first
 * bytes of a densely annotated article come as soon as an empty one's (issue #14).
 */
export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const { actor, title } = await access(id);
  return (
    <Suspense fallback={<WorkbenchLoading title={title} />}>
      <LoadedWorkbench id={id} actor={actor} />
    </Suspense>
  );
}

function WorkbenchLoading({ title }: { title: string }) {
  return (
    <div className="wb wb-loading">
      <h1>{title}</h1>
      <p className="muted" role="status">
        Loading the article and its annotations…
      </p>
    </div>
  );
}

async function LoadedWorkbench({ id, actor }: { id: string; actor: Actor }) {
  await frameWrittenOut();
  const { article, since } = await openWorkbench(await getDb(), { actor, articleId: id }).catch(notFoundOn);
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
