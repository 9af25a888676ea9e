import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { isAppId } from "@/lib/http/input-guard";
import { AppError } from "@/lib/server/shared/errors";
import { getArticle } from "@/lib/server/article/get-article";
import { RevisionDiff } from "@/components/revisions/RevisionDiff";
import { RevisionHistory } from "@/components/revisions/RevisionHistory";
import "../../../workbench.css";

export const metadata: Metadata = { title: "Revisions" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

/** A revision number from the address, or null for none or nonsense (the defaults apply). */
const numberFrom = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** Every revision of an article (who, when, why, what re-anchoring made of its annotations) and the changes between any two. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageActor(`/articles/${encodeURIComponent(id)}/revisions`);
  if (!isAppId(id)) notFound();
  const article = await getArticle(await getDb(), { actor, articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const numbers = article.history.map((revision) => revision.number);
  const latest = article.revision.number;
  // Defaults: the previous revision against the current one.
  const pick = (wanted: number | null, fallback: number) =>
    wanted !== null && numbers.includes(wanted) ? wanted : fallback;
  const to = pick(numberFrom(search.to), latest);
  const from = pick(numberFrom(search.from), Math.max(1, to - 1));
  return (
    <section className="page">
      <p>
        <Link href={`/articles/${encodeURIComponent(id)}`}>← {article.title}</Link>
      </p>
      <h1>Revisions</h1>
      <RevisionHistory history={article.history} />
      <h2 id="rev-diff-heading">Changes between two revisions</h2>
      {numbers.length < 2 ? (
        <p className="muted">This article has one revision so far: there is nothing to compare.</p>
      ) : (
        <RevisionDiff articleId={id} numbers={numbers} from={from} to={to} />
      )}
    </section>
  );
}
