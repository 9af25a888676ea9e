import type { Actor } from "../../domain/actor";
import { oneLine } from "../../domain/one-line";
import { contentToHtml } from "../../import/content-html";
import { fetchPage, FetchPageError } from "../../import/fetch-page";
import { extractHtmlTitle, importHtml } from "../../import/html";
import { pageMetadata } from "../../import/page-metadata";
import { ZFetchArticle } from "../../schemas/articles";
import { countTags, MAX_HTML_TAGS } from "./article-body";
import { invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/** What the import form is filled with; nothing is stored until the editor imports it. */
export type FetchedArticle = {
  title: string;
  html: string;
  sourceUrl: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  characters: number;
};

/**
 * Fetches a news page and reduces it to the article, by the same rules as
 * pasted HTML (lib/import/html.ts), so the editor can check what came before
 * importing it: the article as plain HTML (headings, paragraphs, quotes,
 * lists), its headline, and what the page says of itself (canonical address,
 * publisher, author, date). Any problem with the address or the page is a
 * 422 on `url` that says what went wrong.
 */
export async function fetchArticle({
  actor,
  input,
  allowPrivateHosts = false,
}: {
  actor: Actor;
  input: unknown;
  allowPrivateHosts?: boolean;
}): Promise<FetchedArticle> {
  requirePermission(actor, "create:article");
  const { url } = ZFetchArticle.parse(input);
  const page = await fetchPage(url, { allowPrivateHosts }).catch((error: unknown) => {
    throw error instanceof FetchPageError ? invalid("url", error.message) : error;
  });
  if (countTags(page.html) > MAX_HTML_TAGS)
    throw invalid(
      "url",
      `This page has more than ${MAX_HTML_TAGS} tags, too many to read. Save the article alone and upload it, or paste its text.`,
    );
  const content = importHtml(page.html);
  if (!content.text.trim())
    throw invalid("url", "No article text could be found on this page. Paste the article instead.");
  const metadata = pageMetadata(page.html);
  return {
    title: oneLine(extractHtmlTitle(page.html) ?? new URL(page.url).hostname, 300),
    html: contentToHtml(content),
    sourceUrl: httpUrl(metadata.canonicalUrl, page.url) ?? page.url,
    publisher: metadata.publisher ? oneLine(metadata.publisher, 200) : null,
    author: metadata.author ? oneLine(metadata.author, 200) : null,
    publishedAt: dateOf(metadata.publishedAt),
    characters: content.text.length,
  };
}

/** The page's canonical address when it is a valid http(s) one (relative ones resolved). */
function httpUrl(address: string | undefined, base: string): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** YYYY-MM-DD as the page wrote it (its own time zone's day), or null. */
function dateOf(value: string | undefined): string | null {
  if (!value) return null;
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (written && !Number.isNaN(Date.parse(written[1]))) return written[1];
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}
