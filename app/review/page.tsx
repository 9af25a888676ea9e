import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { pageActorWith } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { KIND_LABELS } from "@/lib/domain/annotation";
import { reviewQueue } from "@/lib/server/review/review-queue";
import { Pager } from "@/components/Pager";
import { TableScroll } from "@/components/TableScroll";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

const pageLink = (page: number) => `/review?page=${page}`;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor, allowed } = await pageActorWith("review:annotation:others", "/review");
  if (!allowed) {
    return (
      <section className="page narrow">
        <h1>Review queue</h1>
        <p role="alert">Only reviewers and admins review annotations.</p>
      </section>
    );
  }
  // Links are forgiving: a page that is not a number is the first; one past the end goes to the last.
  const requested = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const queue = await reviewQueue(await getDb(), { actor, input: { page: requested } });
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  // (Reviews done since the link was made can leave fewer pages than it points at.)
  if (requested > pages) redirect(pageLink(pages));
  const first = (queue.page - 1) * queue.pageSize + 1;
  return (
    <section className="page">
      <h1>Review queue</h1>
      <p className="muted">
        Submitted annotations waiting for a second pair of eyes, oldest first. Your own work is not listed: someone else
        reviews it.
      </p>
      {queue.total > 0 && (
        <p data-testid="queue-range">
          {queue.total} waiting, showing {first}–{first + queue.items.length - 1}
        </p>
      )}
      {queue.items.length === 0 ? (
        <p className="card muted">Nothing to review. Well done.</p>
      ) : (
        <TableScroll label="Annotations waiting for review">
          <table className="table">
            <caption className="visually-hidden">{queue.total} annotations waiting for review</caption>
            <thead>
              <tr>
                <th scope="col">Waiting since</th>
                <th scope="col">Kind</th>
                <th scope="col">Quote</th>
                <th scope="col">Article</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <time dateTime={item.submittedAt}>{item.submittedAt.slice(0, 16).replace("T", " ")} UTC</time>
                  </td>
                  <td>
                    {KIND_LABELS[item.kind]} {item.label}
                  </td>
                  <td>
                    <Link href={`/articles/${item.article.id}#annotation-${item.id}`}>
                      “{item.quote.length > 90 ? `${item.quote.slice(0, 87)}…` : item.quote}”
                    </Link>
                  </td>
                  <td>{item.article.title}</td>
                  <td>{item.author.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={queue.page} pages={pages} href={pageLink} previous="← Previous (older)" next="Next (newer) →" />
    </section>
  );
}
