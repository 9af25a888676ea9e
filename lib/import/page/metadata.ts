import { chooseByline, invertedName, readByline, type Byline } from "./byline";
import { clean, compareKey, pickHeadline, siteNameInTitle } from "./headline";
import { articleItem, indexById, jsonLdFromSources, resolveRefs, typesOf, type JsonLdItem } from "./json-ld";
import { normalizeLanguage } from "./language";
import { inArticleHeader, outsideArticle, shortSiblings } from "./near-headline";
import { pageBylines } from "./page-byline";
import { normalizeDate, writtenDate } from "./page-dates";
import { classOf, firstMeta, headingText, indexPage, textPieces, visibleText, type PageIndex } from "./page-index";
import { hostName, normalizeSite, siteNames, type SiteNames } from "./site-names";
import type { PageMetadata } from "./types";

/**
 * What a reader would write down about the article (headline, byline,
 * publisher, dates, canonical address, language): JSON-LD first, then Open
 * Graph and meta tags, then the page itself (`<time>`, microdata, the visible
 * byline, `<html lang>`). Each field's rules are in its module: headline.ts,
 * byline.ts (+ page-byline.ts), page-dates.ts, language.ts.
 *
 * Reads the document without changing it, in one pass over its elements
 * (page-index.ts) plus a few look-ups around the headline.
 */
export function readMetadata(document: Document, options: { url?: string; now?: Date } = {}): PageMetadata {
  const index = indexPage(document);
  const items = jsonLdFromSources(index.jsonLdSources);
  const byId = indexById(items);
  const article = articleItem(items) ?? items.find((item) => typeof item.headline === "string");
  const baseUrl = httpUrl(options.url);

  const canonicalUrl =
    resolveUrl(index.canonical, baseUrl) ??
    resolveUrl(firstMeta(index, "og:url"), baseUrl) ??
    resolveUrl(text(article?.url), baseUrl) ??
    resolveUrl(idOrText(article?.mainEntityOfPage), baseUrl);

  const publisherItem = firstObject(resolveRefs(article?.publisher, byId));
  const publisherName = nameOf(publisherItem);
  const ogSiteName = siteLike(firstMeta(index, "og:site_name"));
  const applicationName = siteLike(firstMeta(index, "application-name", "apple-mobile-web-app-title"));
  const webSiteName = nameOf(items.find((item) => typesOf(item).includes("WebSite")));
  const twitterSite = firstMeta(index, "twitter:site")?.replace(/^@/, "");
  const site = siteNames([publisherName, ogSiteName, applicationName, webSiteName, twitterSite], baseUrl, canonicalUrl);
  // "Aktuálně.cz - Víte, co se právě děje": the name without its slogan, the part the domain spells.
  const brand =
    ogSiteName && (siteNameInTitle(ogSiteName, { names: [], domainLabels: site.domainLabels }) ?? ogSiteName);

  const h1Texts = index.h1s.map(headingText);
  const h2Texts = index.h2s.slice(0, 10).map(headingText);
  const title = pickHeadline(
    {
      jsonLd: text(article?.headline) ?? (article ? text(article.name) : undefined),
      meta: [
        "og:title",
        "twitter:title",
        "parsely-title",
        "sailthru.title",
        "citation_title",
        "dc.title",
        "dcterms.title",
        "title",
      ].flatMap((key) => index.meta.get(key)?.slice(0, 1) ?? []),
      title: index.title,
      h1s: [...h1Texts, ...h2Texts],
      visible: soleHeadline(index, h1Texts),
    },
    // A personal site's title ends with its author's name ("Post | Code | Nicolas Perriault").
    { ...site, names: [...site.names, ...authorHints(index, items, article, byId)] },
  );
  const headline = headlineElement(index, h1Texts, title);
  const inHeader = inArticleHeader(index, headline);

  const author = chooseByline(bylineSources(index, items, article, byId, site, headline));

  const now = options.now ?? new Date();
  const dates = pageDates(index, inHeader, headline, now);
  const datedItem = article ?? items.find((item) => item.datePublished);
  // A wiki page has revisions, not a publication: its JSON-LD datePublished is the day the page was started.
  const isWiki = /^MediaWiki\b/i.test(firstMeta(index, "generator") ?? "");
  const publishedAt = isWiki
    ? undefined
    : firstDate(
        now,
        text(datedItem?.datePublished),
        ...metaValues(index, PUBLISHED_META),
        text(datedItem?.dateCreated),
        () => dates.published,
      );
  const modifiedAt = firstDate(
    now,
    text(datedItem?.dateModified),
    ...metaValues(index, MODIFIED_META),
    () => dates.modified,
  );

  const language =
    normalizeLanguage(index.lang) ??
    normalizeLanguage(firstMeta(index, "content-language", "language", "dc.language", "dcterms.language")) ??
    normalizeLanguage(firstMeta(index, "og:locale")) ??
    normalizeLanguage(languageOf(article?.inLanguage));

  // The brand the reader sees (og:site_name, the site's name in the title) before the JSON-LD publisher, which is as
  // often the owner ("Future US, Inc." for PC Gamer, "Wikimedia Foundation, Inc." for Wikipedia); a Person publisher
  // (a personal site's owner, in Yoast's graph) is not the site's name.
  const publisherIsPerson = publisherItem !== undefined && typesOf(publisherItem).includes("Person");
  const publisher =
    clean(
      // "the Guardian" in og:site_name, "The Guardian" in JSON-LD: the same name, the publisher's spelling.
      (brand && publisherName && normalizeSite(brand) === normalizeSite(publisherName) ? publisherName : undefined) ??
        brand ??
        siteNameInTitle(index.title, site) ??
        (publisherIsPerson ? undefined : publisherName) ??
        applicationName ??
        publisherName ??
        "",
    ) ||
    hostName(baseUrl ?? canonicalUrl) ||
    undefined;

  return defined({
    title,
    author,
    publisher,
    publishedAt,
    modifiedAt,
    canonicalUrl,
    language,
  });
}

const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "article:published",
  "itemprop:datepublished",
  "parsely-pub-date",
  "sailthru.date",
  "publish-date",
  "publishdate",
  "publish_date",
  "pubdate",
  "date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dcterms.created",
  "dc.date.created",
  "citation_publication_date",
  "citation_date",
  "citation_online_date",
  "article.published",
  "datepublished",
];

const MODIFIED_META = [
  "article:modified_time",
  "og:article:modified_time",
  "og:updated_time",
  "itemprop:datemodified",
  "dc.date.modified",
  "dcterms.modified",
  "article.updated",
  "last-modified",
  "lastmod",
  "datemodified",
];

function metaValues(index: PageIndex, keys: string[]): string[] {
  return keys.flatMap((key) => index.meta.get(key)?.slice(0, 1) ?? []);
}

function firstDate(now: Date, ...sources: (string | undefined | (() => string | undefined))[]): string | undefined {
  for (const source of sources) {
    const value = typeof source === "function" ? source() : source;
    const date = normalizeDate(value, now);
    if (date) return date;
  }
  return undefined;
}

/** The dates a reader sees under the headline: microdata, `<time>`, then a written date in a byline or dateline. */
function pageDates(
  index: PageIndex,
  inHeader: (element: Element) => boolean,
  headline: Element | undefined,
  now: Date,
) {
  let published: string | undefined;
  let modified: string | undefined;
  const consider = (element: Element, value: string | undefined) => {
    const date = normalizeDate(value, now) ?? (value ? writtenDate(value, now) : undefined);
    if (!date) return;
    if (isModified(element)) modified ??= date;
    else published ??= date;
  };
  for (const element of index.itemprops) {
    const prop = (element.getAttribute("itemprop") ?? "").toLowerCase();
    if (!/date(?:published|modified|created)/.test(prop) || !inHeader(element)) continue;
    const value = element.getAttribute("datetime") ?? element.getAttribute("content") ?? visibleText(element);
    const date = normalizeDate(value, now) ?? writtenDate(value, now);
    if (!date) continue;
    if (prop.includes("modified")) modified ??= date;
    else published ??= date;
  }
  // Under the headline first: a <time> above it is as often the masthead's "today" as the article's date.
  const at = headline ? (index.order.get(headline) ?? 0) : 0;
  const times = [
    ...index.times.filter((time) => (index.order.get(time) ?? 0) > at),
    ...index.times.filter((time) => (index.order.get(time) ?? 0) <= at),
  ];
  for (const time of times) {
    if (published && modified) break;
    if (!inHeader(time) || linksElsewhere(time)) continue;
    consider(time, time.getAttribute("datetime") ?? visibleText(time));
  }
  if (!published) {
    for (const element of [...index.dated, ...index.bylines]) {
      if (!inHeader(element) || linksElsewhere(element)) continue;
      const value = textPieces(element).join(" ");
      if (value.length > 120) continue;
      const date = writtenDate(value, now);
      if (!date) continue;
      if (/\bupdated\b/i.test(value) && !/\bpublished\b/i.test(value)) modified ??= date;
      else {
        published = date;
        break;
      }
    }
  }
  if (!published && headline) {
    // A dateline with no markup: "By Ana Ruiz · 3 March 2024" under the headline.
    for (const sibling of shortSiblings(headline, index)) {
      const value = sibling.textContent ?? "";
      // A short line, not the lede ("On March 3, 2024, the council voted…" is the story, not its date).
      if (value.length > 120 || /[.!?]\s+\p{Lu}/u.test(value)) continue;
      published = writtenDate(value, now);
      if (published) break;
    }
  }
  return { published, modified };
}

function isModified(element: Element): boolean {
  const label = `${classOf(element)} ${element.getAttribute("itemprop") ?? ""} ${
    element.parentElement ? classOf(element.parentElement) : ""
  }`;
  if (/updat|modif/i.test(label)) return true;
  const before = element.previousSibling?.textContent ?? element.parentElement?.firstChild?.textContent ?? "";
  return /\bupdated\b/i.test(before.slice(-40));
}

/** A date inside a link to another page is that page's date (a related-story card). */
function linksElsewhere(element: Element): boolean {
  const link = element.closest("a[href]");
  if (!link) return false;
  const href = link.getAttribute("href") ?? "";
  return !href.startsWith("#") && href.trim() !== "";
}

function* bylineSources(
  index: PageIndex,
  items: JsonLdItem[],
  article: JsonLdItem | undefined,
  byId: Map<string, JsonLdItem>,
  site: SiteNames,
  headline: Element | undefined,
): Generator<Byline> {
  const authored = article?.author || article?.creator ? article : items.find((item) => item.author);
  if (authored) yield readByline(jsonLdAuthors(authored.author ?? authored.creator, byId), site);
  for (const key of AUTHOR_META) {
    const values = index.meta.get(key);
    if (!values) continue;
    const inverted = key === "citation_author" || key === "dc.creator" || key === "dcterms.creator";
    yield readByline(
      values
        .filter((value) => !/^(?:https?:)?\/\/|^www\./i.test(value))
        .map((value) => ({ text: inverted ? invertedName(value) : value })),
      site,
    );
  }
  const label = firstMeta(index, "twitter:label1");
  if (label && /author|written|by/i.test(label))
    yield readByline([{ text: firstMeta(index, "twitter:data1") ?? "" }], site);
  yield* pageBylines(index, headline, site);
}

const AUTHOR_META = [
  "author",
  "article:author",
  "og:article:author",
  "article:author_name",
  "parsely-author",
  "sailthru.author",
  "byl",
  "dc.creator",
  "dcterms.creator",
  "citation_author",
  "itemprop:author",
];

function jsonLdAuthors(value: unknown, byId: Map<string, JsonLdItem>): { text: string; organisation?: boolean }[] {
  const resolved = resolveRefs(value, byId);
  const list = Array.isArray(resolved) ? resolved : [resolved];
  return list.flatMap((entry) => {
    if (typeof entry === "string") return /^(?:https?:)?\/\//i.test(entry) ? [] : [{ text: entry }];
    if (!entry || typeof entry !== "object") return [];
    const item = resolveRefs(entry, byId) as JsonLdItem;
    const name = nameOf(item) ?? ([text(item.givenName), text(item.familyName)].filter(Boolean).join(" ") || undefined);
    if (!name || /^(?:https?:)?\/\//i.test(name)) return [];
    const types = typesOf(item);
    // Yoast types a personal site's owner ["Person", "Organization"]: a person.
    const organisation =
      !types.includes("Person") && types.some((type) => /Organization|Corporation|NewsMedia|Brand/.test(type));
    return [{ text: name, organisation, person: types.includes("Person") }];
  });
}

/** The text of the one `<h1>` in the page's `<article>` (a lone h1 elsewhere is as often the site's logo). */
function soleHeadline(index: PageIndex, h1Texts: string[]): string | undefined {
  const inArticle = index.h1s.filter((h1) => h1.closest("article") !== null && !outsideArticle(h1));
  return inArticle.length === 1 ? h1Texts[index.h1s.indexOf(inArticle[0])] : undefined;
}

function headlineElement(index: PageIndex, h1Texts: string[], title: string | undefined): Element | undefined {
  const key = title ? compareKey(title) : "";
  const matching = key
    ? (index.h1s.find((_, position) => compareKey(h1Texts[position]) === key) ??
      index.h2s.slice(0, 20).find((h2) => compareKey(headingText(h2)) === key))
    : undefined;
  return (
    matching ??
    index.h1s.find((h1) => h1.closest("article, main, [role=main]") !== null && !outsideArticle(h1)) ??
    index.h1s.find((h1) => !outsideArticle(h1))
  );
}

/** Author names the page states outright (JSON-LD, meta, microdata), normalized like site names. */
function authorHints(
  index: PageIndex,
  items: JsonLdItem[],
  article: JsonLdItem | undefined,
  byId: Map<string, JsonLdItem>,
): string[] {
  const authored = article?.author ? article : items.find((item) => item.author);
  const names = [
    ...jsonLdAuthors(authored?.author, byId).map((entry) => entry.text),
    ...(index.meta.get("author") ?? []),
    ...index.itemprops
      .filter((element) => /(?:^|\s)author(?:\s|$)/.test(element.getAttribute("itemprop") ?? ""))
      .slice(0, 3)
      .map((element) => visibleText(element.querySelector("[itemprop~=name]") ?? element)),
  ];
  return names.map(normalizeSite).filter((name) => name.length >= 4 && name.length <= 40);
}

function languageOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const first = firstObject(value);
  return first ? (text(first.alternateName) ?? text(first.name)) : undefined;
}

function firstObject(value: unknown): JsonLdItem | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === "object" ? (first as JsonLdItem) : undefined;
}

function nameOf(item: JsonLdItem | undefined): string | undefined {
  if (!item) return undefined;
  const name = item.name;
  if (typeof name === "string") return text(name);
  if (Array.isArray(name)) return text(name.find((entry) => typeof entry === "string"));
  return undefined;
}

function idOrText(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  const item = firstObject(value);
  return item ? (text(item["@id"]) ?? text(item.url)) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const cleaned = clean(value);
  return cleaned || undefined;
}

/** A site name is a few words: some pages put the whole title in og:site_name. */
function siteLike(value: string | undefined): string | undefined {
  return value && value.split(/\s+/).length <= 8 ? value : undefined;
}

function httpUrl(url: string | undefined): string | undefined {
  return resolveUrl(url, undefined);
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function defined(metadata: PageMetadata): PageMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as PageMetadata;
}
