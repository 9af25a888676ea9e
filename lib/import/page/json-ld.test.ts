import { describe, expect, it } from "vitest";

import { articleJsonLd, indexById, jsonLdItems, resolveRefs, typesOf } from "./json-ld";
import { parsePage } from "./parse-page";

const page = (...scripts: string[]) =>
  parsePage(
    `<!doctype html><html><head>${scripts.map((body) => `<script type="application/ld+json">${body}</script>`).join("")}</head><body></body></html>`,
  );

describe("jsonLdItems", () => {
  it("reads CDATA-wrapped, commented and semicolon-ended blocks", () => {
    const items = jsonLdItems(
      page(
        `//<![CDATA[\n{"@type":"NewsArticle","headline":"One"}\n//]]>`,
        `<!--{"@type":"WebSite","name":"Two"}-->`,
        `{"@type":"Person","name":"Three"};`,
        `/*<![CDATA[*/{"@type":"Thing","name":"Four",}/*]]>*/`,
      ),
    );
    expect(items.map((item) => item.headline ?? item.name)).toEqual(["One", "Two", "Three", "Four"]);
  });

  it("flattens arrays, @graph and mainEntity, and skips what does not parse", () => {
    const items = jsonLdItems(
      page(
        `[{"@type":"Organization","name":"A"},{"@graph":[{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"B"}}]}]`,
        `{ not json`,
      ),
    );
    expect(items.map((item) => typesOf(item)[0] ?? "graph")).toEqual(["Organization", "graph", "WebPage", "Article"]);
  });

  it("stops at a hostile depth instead of overflowing the stack", () => {
    const deep = "[".repeat(20_000) + `{"@type":"NewsArticle"}` + "]".repeat(20_000);
    const shallow = `[[[{"@graph":[{"@type":"NewsArticle","headline":"Kept"}]}]]]`;
    expect(jsonLdItems(page(deep, shallow)).map((item) => item.headline ?? typesOf(item)[0] ?? "graph")).toEqual([
      "graph",
      "Kept",
    ]);
  });

  it("tolerates raw line breaks inside strings", () => {
    expect(articleJsonLd(page(`{"@type":"NewsArticle","headline":"Line\none"}`))?.headline).toBe("Line one");
  });
});

describe("typesOf", () => {
  it("lists types, prefixes dropped", () => {
    expect(typesOf({ "@type": ["Article", "schema:NewsArticle", 3] })).toEqual(["Article", "NewsArticle"]);
    expect(typesOf({})).toEqual([]);
  });
});

describe("resolveRefs", () => {
  it("follows @id references to the fullest item, in arrays too", () => {
    const items = jsonLdItems(
      page(
        `{"@graph":[{"@type":"NewsArticle","author":[{"@id":"#ana"},{"@id":"#missing"}]},{"@id":"#ana"},{"@type":"Person","@id":"#ana","name":"Ana Ruiz"}]}`,
      ),
    );
    const article = articleJsonLd(page()) ?? items.find((item) => item.author)!;
    expect(resolveRefs(article.author, indexById(items))).toEqual([
      { "@type": "Person", "@id": "#ana", name: "Ana Ruiz" },
      { "@id": "#missing" },
    ]);
  });
});
