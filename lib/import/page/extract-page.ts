import { importBlocks } from "../html";
import { alignBlocks, toPageBlocks } from "./align-blocks";
import { refineEdges } from "./article-edges";
import { articleJsonLd } from "./json-ld";
import { withJsonLdBody } from "./json-ld-body";
import { readMainContent } from "./main-content";
import { readMetadata } from "./metadata";
import { flattenDeepNesting } from "./nesting";
import { notArticleReason } from "./not-article";
import { readPageNotes } from "./page-notes";
import { parsePage } from "./parse-page";
import { NotAnArticle, type ExtractedPage, type PageBlock } from "./types";

/**
 * A whole news page reduced to its article (docs/decisions/026-main-content-extraction.md).
 *
 * One linkedom parse serves everything: the metadata, the JSON-LD and the
 * page's notes (captions, pull quotes, corrections) are read first, then
 * Readability, which rewrites the document, picks the article. Its HTML goes
 * through the import's own sanitising and block rules; so does the whole page
 * (the fragment rules over the whole body), and the two are aligned: the
 * preview lists every block of the page in order, the article's kept.
 * `content` is the kept blocks, exactly what `importHtml` gives for them
 * written back as a fragment (`blocksToHtml`).
 *
 * Throws `NotAnArticle` for a page that is not one (not-article.ts).
 */
export function extractPage(html: string, options: { url?: string } = {}): ExtractedPage {
  const document = parsePage(html);
  const metadata = readMetadata(document, options);
  const article = articleJsonLd(document);
  const notes = readPageNotes(document);
  const articleSignal = hasArticleSignal(document, article !== undefined);
  const pageTitle = document.title;
  const descriptions = present(meta(document, "og:description"), meta(document, "description"), article?.description);

  flattenDeepNesting(document);
  const main = readMainContent(document);
  const page = toPageBlocks(importBlocks(html, "body"), "page");
  const extracted = toPageBlocks(importBlocks(main.html, "content"), "article", true);
  const aligned = alignBlocks(page, extracted);
  const refined = refineEdges(aligned, notes, {
    titles: present(metadata.title, main.title, article?.headline),
    bylines: present(metadata.author, main.byline),
    descriptions,
  });
  const blocks = withJsonLdBody(refined, article?.articleBody);

  const pageChars = page.reduce((sum, block) => sum + block.text.replace(/\s+/g, "").length, 0);
  const reason = notArticleReason(blocks, {
    articleSignal,
    pageWords: page.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0),
    pageLinkDensity: pageChars ? Math.min(1, notes.linkChars / pageChars) : 0,
    contentLinkDensity: main.linkDensity,
    url: options.url,
    title: pageTitle,
  });
  if (reason) throw new NotAnArticle(reason);
  return { blocks, content: contentOf(blocks), metadata };
}

/** The kept blocks as stored content: the text joined as the import joins blocks, with each block's offsets. */
function contentOf(blocks: PageBlock[]): ExtractedPage["content"] {
  let text = "";
  const out: ExtractedPage["content"]["blocks"] = [];
  for (const block of blocks) {
    if (!block.kept) continue;
    if (text) text += "\n\n";
    out.push({
      type: block.type,
      start: text.length,
      end: text.length + block.text.length,
      ...(block.level !== undefined ? { level: block.level } : {}),
    });
    text += block.text;
  }
  return { text, blocks: out };
}

/** The page calls itself an article (so it is never refused as a home or search page). */
function hasArticleSignal(document: Document, hasArticleJsonLd: boolean): boolean {
  return (
    hasArticleJsonLd || /article/i.test(meta(document, "og:type")) || Boolean(meta(document, "article:published_time"))
  );
}

function meta(document: Document, name: string): string {
  return (
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim() ?? ""
  );
}

function present(...values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === "string" && value.trim() !== "");
}
