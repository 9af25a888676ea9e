import { describe, expect, it } from "vitest";
import { NEWS_PAGE } from "./fixtures/news-page";
import { pageMetadata } from "./page-metadata";

describe("pageMetadata", () => {
  it("prefers the page's NewsArticle JSON-LD (in an @graph, several authors), then its meta tags", () => {
    expect(pageMetadata(NEWS_PAGE)).toEqual({
      publisher: "The Harbour Gazette",
      author: "Priya Natarajan, Tom Okafor",
      publishedAt: "2026-03-10T08:30:00+00:00",
      canonicalUrl: "/news/2026/03/harbour-toll-congestion",
    });
  });

  it("falls back to Open Graph and article meta tags, ignoring JSON-LD that does not parse or is not an article", () => {
    const html = `<head><script type="application/ld+json">{ not json</script><script type="application/ld+json">{"@type":"Organization","name":"Org"}</script>
      <meta property="og:site_name" content=" Daily   Example "><meta name="author" content="Sam Reporter"><meta property="article:published_time" content="2025-12-01">
      <meta property="og:url" content="https://daily.example/a/1"></head><p>Body</p>`;
    expect(pageMetadata(html)).toEqual({
      publisher: "Daily Example",
      author: "Sam Reporter",
      publishedAt: "2025-12-01",
      canonicalUrl: "https://daily.example/a/1",
    });
  });

  it("reads markup in the metadata as text and finds nothing on a bare page", () => {
    expect(pageMetadata(`<meta name="author" content="&lt;script&gt;x&lt;/script&gt;">`).author).toBe(
      "<script>x</script>",
    );
    expect(pageMetadata("<p>Just text</p>")).toEqual({});
  });
});
