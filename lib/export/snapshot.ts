import type { ArticleView } from "../server/article-view";

/**
 * Everything an export needs, gathered by the caller (a route or a script):
 * the export functions in lib/export are pure and never reach for the database,
 * the settings or the clock.
 */
export type ExportSnapshot = {
  article: ArticleView;
  /** The fact-checking organisation's name (a setting), credited as ClaimReview author. */
  publisher: string;
  /** Canonical URL of the fact-check page, e.g. https://factmark.example/articles/<id>. */
  articleUrl: string;
  /** When the export was made, ISO 8601. */
  exportedAt: string;
};
