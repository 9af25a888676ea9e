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
      publisher: "Daily Example Group",
      publishedAt: "2024-03-03T09:15:00Z",
      language: "es-MX",
    });
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
