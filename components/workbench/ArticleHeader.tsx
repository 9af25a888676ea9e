import type { ReactNode } from "react";
import type { ArticleSummaryView } from "@/lib/views/article-view";

/** Title and where the article comes from (its review status is in ArticleReview, which follows changes); `kicker` above it (which revision is open), `children` under it (who else is here). Dates show in UTC, as stored, so everyone sees the same day. */
export function ArticleHeader({
  article,
  kicker,
  children,
}: {
  article: Omit<ArticleSummaryView, "annotations">;
  kicker?: ReactNode;
  children?: ReactNode;
}) {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  let host = "";
  try {
    host = article.sourceUrl ? new URL(article.sourceUrl).host : "";
  } catch {
    host = article.sourceUrl ?? "";
  }
  return (
    <header className="wb-header">
      {kicker ?? (
        <p className="wb-kicker">
          <span className="muted">Revision {article.revision.number}</span>
        </p>
      )}
      <h1>{article.title}</h1>
      <p className="wb-meta">
        {article.publisher && <span>{article.publisher}</span>}
        {article.author && <span>By {article.author}</span>}
        {published && (
          <time dateTime={article.publishedAt!}>
            {published.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
          </time>
        )}
        {article.sourceUrl && (
          <span>
            <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer">
              Original at {host}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </span>
        )}
        {!article.publisher && !article.author && !published && !article.sourceUrl && (
          <span>Added by {article.createdBy.name}</span>
        )}
      </p>
      {children}
    </header>
  );
}
