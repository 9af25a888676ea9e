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
  const sources: string[] = [];
  for (const script of Array.from(document.querySelectorAll("script"))) {
    if (isJsonLdScript(script)) sources.push(script.textContent ?? "");
  }
  return jsonLdFromSources(sources);
}

export function isJsonLdScript(script: Element): boolean {
  return (script.getAttribute("type") ?? "").trim().toLowerCase().startsWith("application/ld+json");
}

/** The items of the given script texts, as `jsonLdItems` reads them (for callers that scanned the page already). */
export function jsonLdFromSources(sources: readonly string[]): JsonLdItem[] {
  const items: JsonLdItem[] = [];
  for (const source of sources) {
    const parsed = parseLenient(source);
    if (parsed !== undefined) collect(parsed, items);
  }
  return items;
}

/** The page's own article item (NewsArticle, BlogPosting, LiveBlogPosting…): the first one with a headline or body. */
export function articleJsonLd(document: Document): JsonLdItem | undefined {
  return articleItem(jsonLdItems(document));
}

export function articleItem(items: readonly JsonLdItem[]): JsonLdItem | undefined {
  const articles = items.filter(isArticle);
  return articles.find((item) => item.headline || item.articleBody) ?? articles[0];
}

export function isArticle(item: JsonLdItem): boolean {
  return typesOf(item).some((type) => ARTICLE_TYPE.test(type));
}

/** Items by their `@id`, to follow references such as `"author": { "@id": "#/schema/person/1" }` within the page. */
export function indexById(items: readonly JsonLdItem[]): Map<string, JsonLdItem> {
  const index = new Map<string, JsonLdItem>();
  for (const item of items) {
    const id = item["@id"];
    // The fullest description wins: a bare reference must not shadow the item it points to.
    if (typeof id === "string" && Object.keys(item).length > (index.get(id) ? Object.keys(index.get(id)!).length : 0))
      index.set(id, item);
  }
  return index;
}

/** The value with `{ "@id": … }` references replaced by the items they name, one level deep (arrays kept as arrays). */
export function resolveRefs(value: unknown, index: ReadonlyMap<string, JsonLdItem>): unknown {
  if (Array.isArray(value)) return value.map((entry) => resolveRefs(entry, index));
  if (!value || typeof value !== "object") return value;
  const id = (value as JsonLdItem)["@id"];
  return typeof id === "string" && index.has(id) ? index.get(id) : value;
}

/** The item's @type as a list ("NewsArticle", ["Article", "NewsArticle"], "schema:NewsArticle" → "NewsArticle"). */
export function typesOf(item: JsonLdItem): string[] {
  const type = item["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((entry): entry is string => typeof entry === "string")
    .map((entry) => entry.replace(/^.*[/:#]/, ""));
}

/** Real pages nest a few levels (an array of @graphs, a mainEntity); a hostile page nests thousands: stop early. */
const MAX_DEPTH = 8;

function collect(value: unknown, into: JsonLdItem[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const entry of value) collect(entry, into, depth + 1);
    return;
  }
  if (!value || typeof value !== "object") return;
  const item = value as JsonLdItem;
  into.push(item);
  if (item["@graph"] !== undefined) collect(item["@graph"], into, depth + 1);
  // Some sites nest the article one level down: { "@type": "WebPage", "mainEntity": { "@type": "NewsArticle" … } }.
  if (item.mainEntity && typeof item.mainEntity === "object") collect(item.mainEntity, into, depth + 1);
  if (item.mainEntityOfPage && typeof item.mainEntityOfPage === "object" && isArticleLike(item.mainEntityOfPage))
    collect(item.mainEntityOfPage, into, depth + 1);
}

function isArticleLike(value: object): boolean {
  return !Array.isArray(value) && isArticle(value as JsonLdItem);
}

function parseLenient(source: string): unknown {
  const stripped = source
    .trim()
    .replace(/^(?:\/\*\s*)?(?:\/\/\s*)?<!\[CDATA\[(?:\s*\*\/)?/, "")
    .replace(/(?:\/\*\s*)?(?:\/\/\s*)?\]\]>(?:\s*\*\/)?$/, "")
    .replace(/^<!--/, "")
    .replace(/-->$/, "")
    .trim()
    // A trailing semicolon or comma after the object (a script habit) is not JSON.
    .replace(/[;,]\s*$/, "");
  for (const candidate of [
    stripped,
    stripped.replace(/[\u0000-\u001F]+/g, " "),
    stripped.replace(/[\u0000-\u001F]+/g, " ").replace(/,\s*([}\]])/g, "$1"),
  ]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next, more forgiving reading.
    }
  }
  return undefined;
}
