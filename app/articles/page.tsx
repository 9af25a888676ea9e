import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { ARTICLE_STATUSES } from "@/lib/domain/annotation";
import { can } from "@/lib/domain/permissions";
import { pageNumber, textProblem } from "@/lib/http/input-guard";
import { listArticles } from "@/lib/server/article/list-articles";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { Pager } from "@/components/Pager";
import { TableScroll } from "@/components/TableScroll";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

type Search = { status?: string; q?: string; page?: string };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("/articles");
  const search = await searchParams;
  // Links and forms are forgiving: an unknown status or page just falls back to the default, and so does
  // a search the database cannot take (NUL fails PostgreSQL's query).
  const q = search.q?.slice(0, 200);
  const input = {
    status: ARTICLE_STATUSES.find((status) => status === search.status),
    q: (q && !textProblem(q) && q) || undefined,
    page: pageNumber(search.page),
  };
  const list = await listArticles(await getDb(), { actor, input });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageLink = (page: number) =>
    `/articles?${new URLSearchParams({ ...(input.status ? { status: input.status } : {}), ...(input.q ? { q: input.q } : {}), page: String(page) })}`;
  return (
    <section className="page">
      <div className="page-head">
        <h1>Articles</h1>
        {can(actor.role, "create:article") && (
          <Link className="button primary" href="/articles/new">
            New article
          </Link>
        )}
      </div>
      <form className="filters" role="search" action="/articles">
        <label>
          Search titles
          <input type="search" name="q" defaultValue={input.q ?? ""} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={input.status ?? ""}>
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.replace("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Filter
        </button>
      </form>
      {list.articles.length === 0 ? (
        <p className="card muted">
          {input.q || input.status
            ? "No article matches these filters."
            : "No articles yet. Import one with New article."}
        </p>
      ) : (
        <TableScroll label="Articles">
          <table className="table">
            <caption className="visually-hidden">Articles, most recently changed first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Claims</th>
                <th scope="col">Denials</th>
                <th scope="col">Analyses</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {list.articles.map((article) => (
                <tr key={article.id}>
                  <td>
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    {article.publisher && <div className="muted small">{article.publisher}</div>}
                  </td>
                  <td>
                    <StatusBadge status={article.status} />
                  </td>
                  <td>{article.counts.CLAIM}</td>
                  <td>{article.counts.DENIAL}</td>
                  <td>{article.counts.ANALYSIS}</td>
                  <td>
                    <time dateTime={article.updatedAt}>
                      {new Date(article.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={list.page} pages={pages} href={pageLink} previous="← Newer" next="Older →" />
    </section>
  );
}
