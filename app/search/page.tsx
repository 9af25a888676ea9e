import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import {
  ANNOTATION_KINDS,
  ANNOTATION_STATUSES,
  KIND_LABELS,
  VERDICT_SCALE,
  VERDICTS,
  type AnnotationKind,
  type Verdict,
} from "@/lib/domain/annotation";
import { SEARCH_MAX_QUERY } from "@/lib/domain/search-query";
import { pageNumber, textProblem } from "@/lib/http/input-guard";
import { searchLibrary } from "@/lib/server/search/search-library";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { Pager } from "@/components/Pager";
import { Facet } from "@/components/search/Facet";
import { searchHref, type SearchParams } from "@/components/search/search-href";
import { Snippet } from "@/components/search/Snippet";
import { ANNOTATION_STATUS_LABELS } from "@/components/workbench/status";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Raw = Partial<Record<keyof SearchParams | "page", string | string[]>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (iso: string) => iso.slice(0, 10);

/**
 * Links and forms are forgiving, as on /articles: a value the API would refuse (422) is dropped
 * here, and the page shows what it did search for.
 */
function forgiving(raw: Raw): SearchParams & { page: number } {
  const text = (value: string | string[] | undefined) => {
    const one = Array.isArray(value) ? value[0] : value;
    return one && !textProblem(one) ? one : undefined;
  };
  const oneOf = <T extends string>(values: readonly T[], value: string | undefined) =>
    values.find((candidate) => candidate === value);
  const from = text(raw.from);
  const to = text(raw.to);
  const dates = {
    from: from && DAY.test(from) && !Number.isNaN(Date.parse(from)) ? from : undefined,
    to: to && DAY.test(to) && !Number.isNaN(Date.parse(to)) ? to : undefined,
  };
  if (dates.from && dates.to && dates.from > dates.to) dates.to = undefined;
  return {
    q: text(raw.q)?.slice(0, SEARCH_MAX_QUERY),
    kind: oneOf(ANNOTATION_KINDS, text(raw.kind)),
    verdict: oneOf(VERDICTS, text(raw.verdict)),
    status: oneOf(ANNOTATION_STATUSES, text(raw.status)),
    speaker: text(raw.speaker)?.trim().slice(0, 200) || undefined,
    ...dates,
    page: Math.min(500, pageNumber(text(raw.page))),
  };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Raw> }) {
  const actor = await requirePageActor("/search");
  const { page, ...params } = forgiving(await searchParams);
  const result = await searchLibrary(await getDb(), { actor, input: { ...params, page } });
  const { annotations, articles, facets } = result;
  const reachable = Math.min(annotations.total, annotations.rankedNewest ?? annotations.total);
  const pages = Math.max(1, Math.ceil(reachable / annotations.pageSize));
  const searched = Boolean(params.q?.trim());
  const filtered = Boolean(
    params.kind || params.verdict || params.status || params.speaker || params.from || params.to,
  );
  return (
    <section className="page search-page">
      <h1>Search</h1>
      <form className="filters" role="search" action="/search" aria-label="Search the claim library">
        <label>
          Words
          <input
            type="search"
            name="q"
            defaultValue={params.q ?? ""}
            maxLength={SEARCH_MAX_QUERY}
            placeholder="quote, speaker, note, rationale, source"
          />
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={params.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={params.to ?? ""} />
        </label>
        {/* The chosen facets stay chosen when the words change. */}
        {(["kind", "verdict", "status", "speaker"] as const).map((name) =>
          params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null,
        )}
        <button className="button primary" type="submit">
          Search
        </button>
      </form>

      <p role="status" data-testid="search-count">
        {annotations.total === 0
          ? searched || filtered
            ? "No annotation matches."
            : "No annotations yet."
          : `${annotations.estimated && filtered ? "About " : ""}${count(annotations.total)} ${annotations.total === 1 ? "annotation" : "annotations"}${searched ? " match" : ""}${
              articles.total ? `, ${count(articles.total)} ${articles.total === 1 ? "article" : "articles"}` : ""
            }.`}
        {!searched && annotations.total > 0 && " Newest first."}
        {annotations.rankedNewest !== null &&
          ` The newest ${count(annotations.rankedNewest)} are ranked: add a word or a filter to narrow the search.`}
        {annotations.estimated && " The counts beside the filters are estimates."}
      </p>

      <div className="search-layout">
        <aside className="search-facets" aria-label="Filters">
          <h2 className="visually-hidden">Filters</h2>
          {FACETS.map(({ name, title, label }) => (
            <Facet
              key={name}
              name={name}
              title={title}
              counts={facets[name]}
              estimated={annotations.estimated}
              params={params}
              label={label}
            />
          ))}
        </aside>

        <div className="search-results">
          {articles.items.length > 0 && (
            <section aria-labelledby="search-articles">
              <h2 id="search-articles">Articles</h2>
              <ul className="search-list" data-testid="search-articles">
                {articles.items.map((article) => (
                  <li key={article.id}>
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>{" "}
                    <StatusBadge status={article.status} />{" "}
                    <span className="muted small">updated {day(article.updatedAt)}</span>
                    {article.snippet && (
                      <p className="search-snippet">
                        <Snippet text={article.snippet} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              {articles.total > articles.items.length && (
                <p className="muted small">And {articles.total - articles.items.length} more articles.</p>
              )}
            </section>
          )}

          <section aria-labelledby="search-annotations">
            <h2 id="search-annotations">Claims, denials and analysis</h2>
            <ol className="search-list" data-testid="search-results">
              {annotations.items.map((item) => (
                <li key={item.id} data-testid="search-result">
                  <p className="search-head">
                    <Link href={`/articles/${item.articleId}#annotation-${encodeURIComponent(item.id)}`}>
                      {KIND_LABELS[item.kind]} {item.label}
                    </Link>
                    {item.verdict && <span className="search-verdict">{VERDICT_SCALE[item.verdict].label}</span>}
                    <span className="muted small">{ANNOTATION_STATUS_LABELS[item.status]}</span>
                  </p>
                  <p className="search-snippet">
                    <Snippet text={item.snippet} />
                  </p>
                  <p className="muted small">
                    {item.speaker && <>{item.speaker} · </>}
                    in {item.articleTitle} · <time dateTime={item.createdAt}>{day(item.createdAt)}</time>
                  </p>
                </li>
              ))}
            </ol>
          </section>
          <Pager
            page={annotations.page}
            pages={pages}
            href={(target) => searchHref(params, { page: target })}
            previous="← Previous"
            next="Next →"
          />
        </div>
      </div>
    </section>
  );
}

/** 12,345: thousands grouped the same way on the server and in every browser. */
const count = (value: number) => value.toLocaleString("en-US");

/** The filters beside the results, in this order, each value named as the rest of the app names it. */
const FACETS: { name: "kind" | "verdict" | "status" | "speaker"; title: string; label: (value: string) => string }[] = [
  { name: "kind", title: "Kind", label: (v) => KIND_LABELS[v as AnnotationKind] ?? v },
  { name: "verdict", title: "Verdict", label: (v) => VERDICT_SCALE[v as Verdict]?.label ?? v },
  {
    name: "status",
    title: "Review status",
    label: (v) => ANNOTATION_STATUS_LABELS[v as keyof typeof ANNOTATION_STATUS_LABELS] ?? v,
  },
  { name: "speaker", title: "Speaker", label: (v) => v },
];
