import type { ArticleView } from "../views/article-view";

/**
 * Everything an export needs, gathered by the caller (a route or a script):
 * the export functions in lib/export are pure and never reach for the database,
 * the settings or the clock.
 */
export type ExportSnapshot = {
  article: ArticleView;
  /** The fact-checking organisation's name (a setting), credited as ClaimReview author. */
  publisher: string;
  /**
   * The article in the workbench, e.g. https://factmark.example/articles/<id>: only the
   * team's W3C export names it (its annotation IRIs). Never in a reader-facing export.
   */
  articleUrl: string;
  /**
   * Where readers find the published fact-check (publicArticleUrl: the article's override,
   * else FACTMARK_PUBLIC_URL + its id), or null: the reader exports then name no address.
   */
  publicUrl: string | null;
  /** When the export was made, ISO 8601. */
  exportedAt: string;
};
