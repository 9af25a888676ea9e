import type { Actor } from "../../domain/actor";
import { languageTag } from "../../domain/language";
import { oneLine } from "../../domain/one-line";
import { blocksToHtml } from "../../import/content-html";
import { fetchPage, FetchPageError } from "../../import/fetch-page";
import type { PageBlock, PageMetadata } from "../../import/page/types";
import { ZPreviewArticle } from "../../schemas/articles";
import { invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { readPage } from "./read-page";

/** What the import form shows for the editor to check and correct; nothing is stored until they import. */
export type ArticlePreview = {
  /** The headline without the site's suffix; else the first heading, else the site's host name ("" for pasted HTML). */
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  /** YYYY-MM-DD, as the form's date fields take them. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** BCP 47 tag ("en", "ar"). */
  language: string | null;
  /** Every block of the page in order, kept or left out, with why. */
  blocks: PageBlock[];
  /** The kept blocks as the fragment the form sends to import them (what POST /articles/fetch always answered). */
  html: string;
  /** Characters of the kept text. */
  characters: number;
};

/**
 * The article on a web page (fetched through the guarded fetcher) or in HTML
 * pasted or uploaded, read once as the import will read it (readPage): its
 * blocks, kept or left out, and what the page says of itself. Any problem
 * with the address or the page is a 422 on `url` or `html` that says what
 * went wrong.
 */
export async function previewArticle({
  actor,
  input,
  allowPrivateHosts = false,
}: {
  actor: Actor;
  input: unknown;
  allowPrivateHosts?: boolean;
}): Promise<ArticlePreview> {
  requirePermission(actor, "create:article");
  const data = ZPreviewArticle.parse(input);
  let html: string;
  let address: string | undefined;
  if (data.url !== undefined) {
    const page = await fetchPage(data.url, { allowPrivateHosts }).catch((error: unknown) => {
      throw error instanceof FetchPageError ? invalid("url", error.message) : error;
    });
    html = page.html;
    address = page.url;
  } else html = data.html!;
  // A fetched page is a whole page, however it begins; pasted HTML is one when it looks like one.
  const { blocks, content, metadata } = await readPage(html, {
    field: address ? "url" : "html",
    url: address,
    ...(address ? { whole: true } : {}),
  });
  const kept = blocks.filter((block) => block.kept);
  return {
    title: titleOf(metadata, kept, address),
    sourceUrl: httpUrl(metadata.canonicalUrl, address) ?? address ?? null,
    publisher: metadata.publisher ? oneLine(metadata.publisher, 200) : null,
    author: metadata.author ? oneLine(metadata.author, 200) : null,
    publishedAt: dateOf(metadata.publishedAt),
    modifiedAt: dateOf(metadata.modifiedAt),
    language: languageTag(metadata.language),
    blocks,
    html: blocksToHtml(kept),
    characters: content.text.length,
  };
}

function titleOf(metadata: PageMetadata, kept: PageBlock[], address: string | undefined): string {
  const heading = kept.find((block) => block.type === "heading")?.text;
  const title = metadata.title || heading || (address ? new URL(address).hostname : "");
  return oneLine(title, 300);
}

/** The page's canonical address when it is a valid http(s) one (relative ones resolved). */
function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
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
