import type { PageMetadata } from "./types";

/**
 * What a reader would write down about the article (headline, byline,
 * publisher, dates, canonical address, language): JSON-LD first, then Open
 * Graph and meta tags, then the page itself.
 *
 * FOUNDATION STUB: the metadata helper replaces this body.
 */
export function readMetadata(document: Document, options: { url?: string } = {}): PageMetadata {
  void document;
  void options;
  return {};
}
