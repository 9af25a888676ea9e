import type { BlockType, RevisionContent } from "../../domain/article";

/**
 * What a news page yields for the import (docs/decisions/026-main-content-extraction.md):
 * the page's blocks in reading order, each marked kept or left out, so the
 * editor can correct the extractor before anything is stored; the kept
 * blocks are the article's content.
 */
export type PageBlock = {
  type: BlockType;
  /** Heading level 1–6, for headings only. */
  level?: number;
  /** Whitespace-normalized, as the import stores it (may hold "\n" for <br>). */
  text: string;
  kept: boolean;
  /** Why the block is in or out, shown beside it in the preview. */
  why: BlockWhy;
};

export type BlockWhy =
  /** Chosen by the main-content extractor. */
  | "article"
  /** From the page's NewsArticle JSON-LD `articleBody` (the page's own text did not carry it). */
  | "json-ld"
  /** A correction or update note at the end of the article: part of the record, kept. */
  | "correction"
  /** Page text outside the article (menus, rails, share prompts, footers). */
  | "page"
  /** An image caption or credit, kept out of the running text. */
  | "caption"
  /** A pull quote repeating the article's own words. */
  | "pull-quote";

/** What a reader would write down about the article. ISO 8601 dates; all optional. */
export type PageMetadata = {
  /** The headline, without the site's name or section suffix. */
  title?: string;
  /** People, comma-separated ("Ana Ruiz, Tom Lee"); never "Staff" or the site's name. */
  author?: string;
  publisher?: string;
  /** ISO 8601 as the page gives it (date, or date and time with offset). */
  publishedAt?: string;
  modifiedAt?: string;
  /** Absolute http(s) address. */
  canonicalUrl?: string;
  /** BCP 47 language tag ("en", "pt-BR", "ar"). */
  language?: string;
};

export type ExtractedPage = {
  /** Every block of the page, in order; `content` is the kept ones. */
  blocks: PageBlock[];
  /** The article as it would be stored: kept blocks only, built by the import's own block rules. */
  content: RevisionContent;
  metadata: PageMetadata;
};

/** The page is not an article (a home page, a search page, a login wall, a page built by JavaScript). */
export class NotAnArticle extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotAnArticle";
  }
}
