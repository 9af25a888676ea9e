import { Parser } from "htmlparser2";

/** What a news page says about itself, to prefill the import form (the editor checks it). */
export type PageMetadata = { publisher?: string; author?: string; publishedAt?: string; canonicalUrl?: string };

type JsonLd = Record<string, unknown>;

/**
 * Reads a page's own description of the article, best source first: the
 * schema.org NewsArticle (or Article) JSON-LD that news sites publish for
 * search engines, then Open Graph and article meta tags. Parsed with
 * htmlparser2, as text only. (The title comes from extractHtmlTitle, as for
 * pasted HTML: the headline the page shows.)
 */
export function pageMetadata(html: string): PageMetadata {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let canonicalUrl: string | undefined;
  let inJsonLd = false;
  let script = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "meta") {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? "").toLowerCase();
          if (key && attributes.content && !meta.has(key)) meta.set(key, attributes.content.trim());
        }
        if (name === "link" && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? "") && attributes.href)
          canonicalUrl ??= attributes.href;
        if (name === "script" && (attributes.type ?? "").toLowerCase() === "application/ld+json") {
          inJsonLd = true;
          script = "";
        }
      },
      ontext(text) {
        if (inJsonLd) script += text;
      },
      onclosetag(name) {
        if (name === "script" && inJsonLd) {
          inJsonLd = false;
          jsonLd.push(script);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const article = jsonLd.flatMap(parseJsonLd).find((item) => /(Article|Posting)\b/.test(String(typeOf(item)))) ?? {};
  return clean({
    publisher: names(article.publisher) ?? meta.get("og:site_name") ?? meta.get("application-name"),
    author: names(article.author) ?? meta.get("author") ?? meta.get("article:author") ?? meta.get("parsely-author"),
    publishedAt:
      text(article.datePublished) ??
      meta.get("article:published_time") ??
      meta.get("date") ??
      meta.get("pubdate") ??
      meta.get("parsely-pub-date"),
    canonicalUrl: canonicalUrl ?? meta.get("og:url"),
  });
}

/** Items of one JSON-LD script: a single object, an array, or an @graph; nothing when it does not parse. */
function parseJsonLd(source: string): JsonLd[] {
  try {
    const value = JSON.parse(source) as unknown;
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item) =>
      item && typeof item === "object"
        ? [
            item as JsonLd,
            ...(Array.isArray((item as JsonLd)["@graph"]) ? ((item as JsonLd)["@graph"] as JsonLd[]) : []),
          ]
        : [],
    );
  } catch {
    return [];
  }
}

const typeOf = (item: JsonLd) => (Array.isArray(item["@type"]) ? item["@type"].join(" ") : item["@type"]);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** "Name", { name }, or a list of them, as "A, B". */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((entry) => text(entry) ?? (entry && typeof entry === "object" ? text((entry as JsonLd).name) : undefined))
    .filter(Boolean);
  return list.length ? list.join(", ") : undefined;
}

function clean(metadata: PageMetadata): PageMetadata {
  return Object.fromEntries(
    Object.entries(metadata)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value!.replace(/\s+/g, " ").trim()]),
  ) as PageMetadata;
}
