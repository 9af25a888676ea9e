import { ExtractionTimedOut, extractPageOffThread } from "../../extract-thread/on-extract-thread";
import { importHtml } from "../../import/html";
import { toPageBlocks } from "../../import/page/align-blocks";
import { htmlDepth } from "../../import/page/nesting";
import { NotAnArticle, type ExtractedPage } from "../../import/page/types";
import { isWholePage } from "../../import/page/whole-page";
import { MAX_BODY_BYTES } from "../../schemas/articles";
import { invalid } from "../shared/errors";

/**
 * The HTML parser of the fragment import slows down with the square of nesting depth; an article has a few thousand
 * tags, so this bound keeps one request from eating the CPU. A whole page (menus, rails, scripts and all) is read by
 * the extractor's own parser and has many more: its bound is the 5 MB page rule plus this one, about one tag in
 * 25 bytes of a 5 MB page.
 */
export const MAX_HTML_TAGS = 50_000;
export const MAX_PAGE_TAGS = 200_000;
/**
 * The page's tag count no longer bounds its depth (200,000 nested tags would keep the parser busy for many seconds):
 * real pages nest a few dozen deep, sloppy ones with unclosed tags a few hundred.
 */
export const MAX_PAGE_DEPTH = 2_000;
export const countTags = (html: string) => html.match(/<[a-zA-Z!/]/g)?.length ?? 0;

/**
 * HTML as every way in reads it (docs/decisions/026-main-content-extraction.md): a whole page (fetched, saved,
 * uploaded) reduced to its article by extraction, off the request thread when it is big; a fragment (a CMS's
 * paragraphs, the preview's kept blocks) imported as it is, every block kept. `field` is what a 422 names: `html`,
 * or `url` for a fetched page. Refused with 422: too many tags, not an article, no text, or an article whose text
 * is over the 2 MB rule.
 */
export async function readPage(
  html: string,
  { field, url, whole = isWholePage(html) }: { field: "html" | "url"; url?: string; whole?: boolean },
): Promise<ExtractedPage> {
  const limit = whole ? MAX_PAGE_TAGS : MAX_HTML_TAGS;
  if (countTags(html) > limit)
    throw invalid(
      field,
      `has more than ${limit.toLocaleString("en")} tags, too many to read. Save the article alone, or paste its text.`,
    );
  if (whole && htmlDepth(html) > MAX_PAGE_DEPTH)
    throw invalid(
      field,
      `nests more than ${MAX_PAGE_DEPTH.toLocaleString("en")} elements deep, too deep to read. Save the article alone, or paste its text.`,
    );
  const page = whole ? await extract(html, field, url) : fragment(html);
  if (!page.content.text.trim())
    throw invalid(field, field === "url" ? "No article text could be found on this page." : "contains no article text");
  if (Buffer.byteLength(page.content.text, "utf8") > MAX_BODY_BYTES)
    throw invalid(
      field,
      "The article's text on this page is larger than 2 MB, more than one article can hold. Import it in parts.",
    );
  return page;
}

async function extract(html: string, field: "html" | "url", url: string | undefined): Promise<ExtractedPage> {
  try {
    return await extractPageOffThread(html, { url });
  } catch (error) {
    if (error instanceof NotAnArticle) throw invalid(field, error.message);
    if (error instanceof ExtractionTimedOut)
      throw invalid(field, "Reading this page took too long. Save the article alone, or paste its text.");
    throw error;
  }
}

/** A fragment is the article already: every block kept, no metadata beyond what the import form is given. */
function fragment(html: string): ExtractedPage {
  const content = importHtml(html);
  return { blocks: toPageBlocks(content, "article", true), content, metadata: {} };
}
