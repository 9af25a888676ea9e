import { describe, expect, it } from "vitest";

import { readMetadata } from "./metadata";
import { parsePage } from "./parse-page";

const now = new Date("2024-06-01T00:00:00Z");
const read = (html: string, url = "https://www.dailyexample.com/news/harbour-bridge") =>
  readMetadata(parsePage(html), { url, now });

const HEAD_ONLY_META = `<!doctype html><html lang="en-gb"><head>
<title>Harbour bridge to close for two years | Local | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Harbour bridge to close for two years">
<meta property="article:author" content="https://www.facebook.com/ana.ruiz.reporter">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-03T09:15:00+00:00">
<meta property="article:modified_time" content="2024-03-04T10:00:00+00:00">
<link rel="canonical" href="/news/harbour-bridge?ref=home">
</head><body><article><h1>Harbour bridge to close for two years</h1><p>Text.</p></article></body></html>`;

describe("readMetadata", () => {
  it("reads Open Graph and meta tags, never a profile URL as a name", () => {
    expect(read(HEAD_ONLY_META)).toEqual({
      title: "Harbour bridge to close for two years",
      author: "Ana Ruiz",
      publisher: "The Daily Example",
      publishedAt: "2024-03-03T09:15:00+00:00",
      modifiedAt: "2024-03-04T10:00:00+00:00",
      canonicalUrl: "https://www.dailyexample.com/news/harbour-bridge?ref=home",
      language: "en-GB",
    });
  });

  it("prefers JSON-LD in CDATA with an @graph, following @id author references", () => {
    const html = `<!doctype html><html><head><title>Bridge | The Daily Example</title>
<script type="application/ld+json">//<![CDATA[
{"@context":"https://schema.org","@graph":[
 {"@type":["NewsArticle"],"headline":"Harbour bridge to close","datePublished":"2024-03-03T09:15:00Z",
  "author":[{"@id":"https://dailyexample.com/#/person/1"},{"@id":"https://dailyexample.com/#/person/2"}],
  "publisher":{"@id":"https://dailyexample.com/#org"},"inLanguage":"es-MX"},
 {"@type":"Person","@id":"https://dailyexample.com/#/person/1","name":"Lucía Gómez"},
 {"@type":"Person","@id":"https://dailyexample.com/#/person/2","name":"Tom Lee"},
 {"@type":"NewsMediaOrganization","@id":"https://dailyexample.com/#org","name":"Daily Example Group"}]}
//]]></script></head><body><h1>Harbour bridge to close</h1></body></html>`;
    expect(read(html)).toMatchObject({
      title: "Harbour bridge to close",
      author: "Lucía Gómez, Tom Lee",
      // The brand in the title, not the owning company in JSON-LD.
      publisher: "The Daily Example",
      publishedAt: "2024-03-03T09:15:00Z",
      language: "es-MX",
    });
  });

  it("reads a headline with inline marks as shown, without a kicker inside the h1", () => {
    const html = `<html><head><meta property="og:title" content="Council won’t fund the harbour bridge"></head><body><article>
<h1><span class="kicker">Exclusive</span> Council won<span>’</span>t fund the <em>harbour</em> bridge</h1></article></body></html>`;
    expect(read(html).title).toBe("Council won’t fund the harbour bridge");
  });

  it("reads the visible byline when JSON-LD and meta tags name no one", () => {
    const html = `<!doctype html><html><head><title>Storm hits coast - live updates - The Daily Example</title></head><body>
<nav><a href="/author/someone-else/">Someone Else</a></nav>
<main><header><h1>Storm hits coast - live updates</h1>
<div class="article-byline"><span>By</span><a href="/author/ana-ruiz/">Ana Ruiz</a><span>and</span><a href="/author/tom-lee/">Tom Lee</a>,
<span class="role">Senior Correspondents</span> <time datetime="2024-03-03T09:15:00-05:00">March 3</time></div></header>
<p>Text.</p></main>
<aside class="related"><div class="byline">By Eva Sá</div><time datetime="2024-01-01">Jan 1</time></aside></body></html>`;
    expect(read(html)).toMatchObject({
      title: "Storm hits coast - live updates",
      author: "Ana Ruiz, Tom Lee",
      publishedAt: "2024-03-03T09:15:00-05:00",
    });
  });

  it("reads a byline marked by a test id, dropping the broadcaster's credit", () => {
    const html = `<html><head><meta property="og:site_name" content="North Broadcast News"></head><body><main><article>
<h1>Ferry operator fined after drills skipped</h1><div data-testid="byline-contributors"><div><span>By Ewan Grant</span></div>
<div><span>North Broadcast News, Glasgow</span></div></div><p>Text.</p></article></main></body></html>`;
    expect(read(html, "https://www.northbroadcast.example/news/1").author).toBe("Ewan Grant");
  });

  it("reads a 'By' line beside the headline when nothing marks it", () => {
    const html = `<!doctype html><html><body><div><h1>Council votes to fund the bridge</h1><p>By Ana Ruiz · 3 March 2024</p>
<p>The council voted on Tuesday.</p></div></body></html>`;
    expect(read(html)).toMatchObject({ author: "Ana Ruiz", publishedAt: "2024-03-03" });
  });

  it("names the person beside a wire credit, and no one for a bare agency story", () => {
    const wire = (byline: string) =>
      read(`<!doctype html><html><head><meta name="author" content="Associated Press"></head>
<body><article><h1>Quake shakes region</h1><p class="byline">${byline}</p><p>Text.</p></article></body></html>`).author;
    expect(wire("By Ana Ruiz, Associated Press")).toBe("Ana Ruiz");
    expect(wire("Updated 3 hours ago")).toBeUndefined();
  });

  it("drops Staff boilerplate and the site's own name as an author", () => {
    const html = `<!doctype html><html><head><meta property="og:site_name" content="The Daily Example">
<meta name="author" content="The Daily Example"><meta name="parsely-author" content="Staff Reporter"></head>
<body><article><h1>Tide tables corrected</h1><p>Text.</p></article></body></html>`;
    expect(read(html).author).toBeUndefined();
  });

  it("takes the language from content-language or og:locale when <html lang> is missing", () => {
    expect(
      read(
        `<html><head><meta http-equiv="Content-Language" content="ar"></head><body dir="rtl"><h1>عنوان</h1></body></html>`,
      ).language,
    ).toBe("ar");
    expect(read(`<html><head><meta property="og:locale" content="pt_BR"></head><body></body></html>`).language).toBe(
      "pt-BR",
    );
  });

  it("rejects absurd dates and unusable canonical addresses, and falls back to the domain for the publisher", () => {
    const html = `<html><head><meta property="article:published_time" content="1970-01-01T00:00:00Z">
<meta name="date" content="2023-11-05"><link rel="canonical" href="javascript:alert(1)">
<meta property="og:url" content="https://dailyexample.com/a"></head><body></body></html>`;
    expect(read(html)).toMatchObject({
      publishedAt: "2023-11-05",
      canonicalUrl: "https://dailyexample.com/a",
      publisher: "dailyexample.com",
    });
  });

  it("reads the byline meta tags newsrooms use: byl, parsely-author, sailthru.author, citation_author, Yoast's twitter data", () => {
    const head = (tags: string) =>
      read(`<html><head>${tags}</head><body><article><h1>Bridge</h1></article></body></html>`).author;
    expect(head(`<meta name="byl" content="By ANA RUIZ and TOM LEE">`)).toBe("Ana Ruiz, Tom Lee");
    expect(head(`<meta name="parsely-author" content="Ana Ruiz"><meta name="parsely-author" content="Tom Lee">`)).toBe(
      "Ana Ruiz, Tom Lee",
    );
    expect(head(`<meta name="sailthru.author" content="Ana Ruiz">`)).toBe("Ana Ruiz");
    expect(
      head(`<meta name="citation_author" content="Ruiz, Ana"><meta name="citation_author" content="Lee, Tom">`),
    ).toBe("Ana Ruiz, Tom Lee");
    expect(
      head(`<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ana Ruiz">`),
    ).toBe("Ana Ruiz");
  });

  it("spells the publisher as JSON-LD does when og:site_name is the same name", () => {
    const html = `<html><head><meta property="og:site_name" content="the Harbour Gazette">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tide","publisher":{"@type":"Organization","name":"The Harbour Gazette"}}</script>
</head><body></body></html>`;
    expect(read(html).publisher).toBe("The Harbour Gazette");
  });

  it("takes the site's name without its slogan", () => {
    const html = `<html><head><meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje"></head><body></body></html>`;
    expect(read(html, "https://sport.aktualne.cz/fotbal/a").publisher).toBe("Aktuálně.cz");
  });

  it("reads a WordPress (Yoast) graph: the Person publisher is the author, og:site_name the publisher", () => {
    const html = `<html lang="en-GB"><head><meta property="og:site_name" content="Marsh Notes">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"Article","@id":"https://marsh.example/p/#article","author":{"name":"Gwen Pryce","@id":"https://marsh.example/#/person/1"},
 "headline":"Thirty years of minutes","datePublished":"2024-01-08T19:42:17+00:00","publisher":{"@id":"https://marsh.example/#/person/1"}},
{"@type":["Person","Organization"],"@id":"https://marsh.example/#/person/1","name":"Gwen Pryce"}]}</script>
<title>Thirty years of minutes - Marsh Notes</title></head><body><article><h1>Thirty years of minutes</h1></article></body></html>`;
    expect(read(html, "https://marsh.example/p/")).toMatchObject({
      title: "Thirty years of minutes",
      author: "Gwen Pryce",
      publisher: "Marsh Notes",
      publishedAt: "2024-01-08T19:42:17+00:00",
    });
  });

  it("takes the header's <time> for published and an 'Updated' one for modified, not a related story's", () => {
    const html = `<html><body><article><header><h1>Ferry fined</h1>
<p class="byline">By <a rel="author" href="/people/ewan-grant">Ewan Grant</a></p>
<p><time datetime="2024-03-03T14:05:12Z">3 March</time> · Updated <time datetime="2024-03-03T16:41:00Z">16:41</time></p></header>
<p>Text.</p><div class="story"><a href="/news/other"><time datetime="2024-02-01">1 Feb</time></a></div></article></body></html>`;
    expect(read(html)).toMatchObject({
      author: "Ewan Grant",
      publishedAt: "2024-03-03T14:05:12Z",
      modifiedAt: "2024-03-03T16:41:00Z",
    });
  });

  it("prefers the date under the headline to the masthead's date above it", () => {
    const html = `<html><body><header><time datetime="2024-05-31">Friday 31 May 2024</time></header>
<article><h1>Tide tables corrected after error</h1><p class="meta"><time datetime="2024-03-03">3 March 2024</time></p></article></body></html>`;
    expect(read(html).publishedAt).toBe("2024-03-03");
  });

  it("reads a right-to-left page's language and byline", () => {
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta property="og:site_name" content="الساحل نيوز">
<title>افتتاح محطة تحلية جديدة | الساحل نيوز</title></head><body><article><h1>افتتاح محطة تحلية جديدة</h1>
<div class="article-author"><a href="/author/rana/">رنا العلي</a></div><p>نص.</p></article></body></html>`;
    expect(read(html)).toMatchObject({
      title: "افتتاح محطة تحلية جديدة",
      author: "رنا العلي",
      publisher: "الساحل نيوز",
      language: "ar",
    });
  });

  it("does not take a photo credit, a comment author or the page footer for the byline", () => {
    const html = `<html><body><article><h1>Senate panel advances insulin bill</h1>
<figure><img src="a.jpg"><figcaption><span class="byline">Nam Lee, Associated Wire, file</span></figcaption></figure>
<p>WASHINGTON (AW) — The panel voted.</p></article>
<section id="comments"><div class="comment-author vcard"><span class="fn">Gareth Price</span></div></section>
<footer><p>By Daily Example Media</p></footer></body></html>`;
    expect(read(html).author).toBeUndefined();
  });

  it("gives a wiki page no publication date (its JSON-LD datePublished is the day the page was started)", () => {
    const html = `<html><head><meta name="generator" content="MediaWiki 1.34.0">
<script type="application/ld+json">{"@type":"Article","name":"Harbour","datePublished":"2001-10-29T01:59:14Z","dateModified":"2019-09-26T11:35:37Z"}</script>
</head><body><h1>Harbour</h1></body></html>`;
    expect(read(html)).toMatchObject({ modifiedAt: "2019-09-26T11:35:37Z" });
    expect(read(html).publishedAt).toBeUndefined();
  });

  it("survives a hostile nesting depth (deeper than the call stack)", () => {
    const n = 20_000;
    const html = `<html><body><article><h1>${"<span>".repeat(n)}Deep harbour headline here${"</span>".repeat(n)}</h1>
<p class="byline">${"<b>".repeat(n)}By Ana Ruiz${"</b>".repeat(n)}</p></article></body></html>`;
    expect(read(html)).toMatchObject({ title: "Deep harbour headline here", author: "Ana Ruiz" });
  });

  it("does not change the document", () => {
    const document = parsePage(HEAD_ONLY_META);
    const before = document.documentElement.outerHTML;
    readMetadata(document, { url: "https://www.dailyexample.com/news/harbour-bridge" });
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it("gives an empty object for an empty page", () => {
    expect(readMetadata(parsePage(""))).toEqual({});
  });
});
