import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { isAppId, pageNumber } from "@/lib/http/input-guard";
import { describeAuditEvent } from "@/lib/domain/audit-text";
import { KIND_LABELS } from "@/lib/domain/annotation";
import { AppError } from "@/lib/server/shared/errors";
import { getArticle } from "@/lib/server/article/get-article";
import { listAudit } from "@/lib/server/audit/list-audit";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ annotation?: string; page?: string }> };

export default async function AuditPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageActor(`/articles/${id}/audit`);
  // Ids that cannot be ones (a NUL in either would fail PostgreSQL's query) find nothing.
  if (!isAppId(id) || (search.annotation && !isAppId(search.annotation))) notFound();
  const db = await getDb();
  const page = pageNumber(search.page);
  const [article, audit] = await Promise.all([
    getArticle(db, { actor, articleId: id }),
    listAudit(db, {
      actor,
      articleId: id,
      input: { page, pageSize: 50, annotationId: search.annotation || undefined },
    }),
  ]).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const byId = new Map(article.annotations.map((annotation) => [annotation.id, annotation]));
  const subject = (annotationId: string | null) => {
    const annotation = annotationId ? byId.get(annotationId) : undefined;
    return annotation
      ? `${KIND_LABELS[annotation.kind].toLowerCase()} ${annotation.label} “${annotation.quote.length > 50 ? `${annotation.quote.slice(0, 47)}…` : annotation.quote}”`
      : "an annotation";
  };
  const pages = Math.max(1, Math.ceil(audit.total / audit.pageSize));
  const link = (next: { page?: number; annotation?: string }) =>
    `?${new URLSearchParams({ ...(next.annotation ? { annotation: next.annotation } : {}), ...(next.page && next.page > 1 ? { page: String(next.page) } : {}) })}`;
  return (
    <section className="page narrow">
      <p>
        <Link href={`/articles/${id}`}>← {article.title}</Link>
      </p>
      <h1>Audit log</h1>
      <form className="filters" action="">
        <label>
          Annotation
          <select name="annotation" defaultValue={search.annotation ?? ""}>
            <option value="">All</option>
            {article.annotations.map((annotation) => (
              <option key={annotation.id} value={annotation.id}>
                {subject(annotation.id)}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Show
        </button>
      </form>
      <ol className="audit-log" reversed start={audit.total - (page - 1) * audit.pageSize}>
        {audit.events.map((event) => (
          <li key={event.id}>
            <span>{describeAuditEvent(event, subject(event.annotationId))}</span>{" "}
            <time className="muted" dateTime={event.at}>
              — {event.at.slice(0, 16).replace("T", " ")} UTC
            </time>
          </li>
        ))}
      </ol>
      {audit.events.length === 0 && <p className="muted">No events.</p>}
      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {page > 1 && <Link href={link({ page: page - 1, annotation: search.annotation })}>← Newer</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={link({ page: page + 1, annotation: search.annotation })}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
