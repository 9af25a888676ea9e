/**
 * The schema.org descriptions a page publishes for search engines, as JSON-LD
 * `<script type="application/ld+json">` blocks. Real pages wrap them in
 * `<![CDATA[ … ]]>` or HTML comments, put several objects in an array or an
 * `@graph`, and now and then leave a raw line break inside a string: each is
 * tolerated here; a block that still does not parse is skipped, never fatal.
 */
export type JsonLdItem = Record<string, unknown>;

const ARTICLE_TYPE =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|BlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|SatiricalArticle|AdvertiserContentArticle|DiscussionForumPosting|MedicalScholarlyArticle)$/;

/** Every JSON-LD item on the page, `@graph` members and nested arrays flattened, in page order. */
export function jsonLdItems(document: Document): JsonLdItem[] {
  const items: JsonLdItem[] = [];
  for (const script of Array.from(document.querySelectorAll("script"))) {
    if ((script.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    const parsed = parseLenient(script.textContent ?? "");
    if (parsed !== undefined) collect(parsed, items);
  }
  return items;
}

/** The page's own article item (NewsArticle, BlogPosting, LiveBlogPosting…): the first one with a headline or body. */
export function articleJsonLd(document: Document): JsonLdItem | undefined {
  const articles = jsonLdItems(document).filter((item) => typesOf(item).some((type) => ARTICLE_TYPE.test(type)));
  return articles.find((item) => item.headline || item.articleBody) ?? articles[0];
}

/** The item's @type as a list ("NewsArticle", ["Article", "NewsArticle"], "schema:NewsArticle" → "NewsArticle"). */
export function typesOf(item: JsonLdItem): string[] {
  const type = item["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((entry): entry is string => typeof entry === "string")
    .map((entry) => entry.replace(/^.*[/:#]/, ""));
}

function collect(value: unknown, into: JsonLdItem[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) collect(entry, into);
    return;
  }
  if (!value || typeof value !== "object") return;
  const item = value as JsonLdItem;
  into.push(item);
  if (item["@graph"] !== undefined) collect(item["@graph"], into);
  // Some sites nest the article one level down: { "@type": "WebPage", "mainEntity": { "@type": "NewsArticle" … } }.
  if (item.mainEntity && typeof item.mainEntity === "object") collect(item.mainEntity, into);
}

function parseLenient(source: string): unknown {
  const stripped = source
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, "")
    .replace(/(?:\/\/\s*)?\]\]>$/, "")
    .replace(/^<!--/, "")
    .replace(/-->$/, "")
    .trim();
  for (const candidate of [stripped, stripped.replace(/[\u0000-\u001F]+/g, " ")]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next, more forgiving reading.
    }
  }
  return undefined;
}
