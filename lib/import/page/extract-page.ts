import { importHtml } from "../html";
import { readMetadata } from "./metadata";
import { parsePage } from "./parse-page";
import type { ExtractedPage } from "./types";

/**
 * A whole news page reduced to its article (docs/decisions/026-main-content-extraction.md).
 *
 * FOUNDATION STUB: the extraction helper replaces this body (Readability on linkedom,
 * JSON-LD articleBody, correction notes, captions, not-an-article detection).
 */
export function extractPage(html: string, options: { url?: string } = {}): ExtractedPage {
  const content = importHtml(html);
  const blocks = content.blocks.map((block) => ({
    type: block.type,
    ...(block.level !== undefined ? { level: block.level } : {}),
    text: content.text.slice(block.start, block.end),
    kept: true,
    why: "article" as const,
  }));
  return { blocks, content, metadata: readMetadata(parsePage(html), options) };
}
