import type { Metadata } from "next";
import Link from "next/link";
import { pageActorWith } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { KIND_LABELS } from "@/lib/domain/annotation";
import { reviewQueue } from "@/lib/server/review-queue";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

export default async function ReviewQueuePage() {
  const { actor, allowed } = await pageActorWith("review:annotation:others", "/review");
  if (!allowed) {
    return (
      <section className="page narrow">
        <h1>Review queue</h1>
        <p role="alert">Only reviewers and admins review annotations.</p>
      </section>
    );
  }
  const queue = await reviewQueue(await getDb(), { actor });
  return (
    <section className="page">
      <h1>Review queue</h1>
      <p className="muted">Submitted annotations waiting for a second pair of eyes, oldest first. Your own work is not listed: someone else reviews it.</p>
      {queue.items.length === 0 ? (
        <p className="card muted">Nothing to review. Well done.</p>
      ) : (
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
                <td>{KIND_LABELS[item.kind]}</td>
                <td>
                  <Link href={`/articles/${item.article.id}#annotation-${item.id}`}>“{item.quote.length > 90 ? `${item.quote.slice(0, 87)}…` : item.quote}”</Link>
                </td>
                <td>{item.article.title}</td>
                <td>{item.author.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
