import { describe, expect, it } from "vitest";
import { blocksToHtml, contentToHtml } from "./content-html";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "./fixtures/news-page";
import { importHtml } from "./html";

describe("contentToHtml", () => {
  it("imports back to the same text and blocks (a fetched page, headings, a quote, a list)", () => {
    const content = importHtml(NEWS_PAGE);
    expect(content.blocks.map((block) => block.type)).toEqual(
      expect.arrayContaining(["heading", "paragraph", "blockquote", "list-item"]),
    );
    expect(importHtml(contentToHtml(content))).toEqual(content);
  });

  it("keeps the article and drops the page around it", () => {
    const { text } = importHtml(contentToHtml(importHtml(NEWS_PAGE)));
    // The headline is the article's title, not part of its body (docs/decisions/026).
    const { headline, ...body } = NEWS_PAGE_TEXT;
    for (const part of Object.values(body)) expect(text).toContain(part);
    expect(text).not.toContain(headline);
    for (const chrome of ["Sport", "cookies", "Related", "Ferry fares", "dataLayer", "trackFooter", "font-family"])
      expect(text).not.toContain(chrome);
  });

  it("writes text as text: markup-like characters and line breaks come back as they were", () => {
    const content = importHtml(
      "<h3>Q&amp;A: is 3 &lt; 4?</h3><p>line one<br>line two &lt;b&gt;</p><ul><li>a</li></ul><p>after</p>",
    );
    const html = contentToHtml(content);
    expect(html).toBe(
      "<h3>Q&amp;A: is 3 &lt; 4?</h3>\n<p>line one<br>line two &lt;b&gt;</p>\n<ul>\n<li>a</li>\n</ul>\n<p>after</p>",
    );
    expect(importHtml(html)).toEqual(content);
  });
});

describe("blocksToHtml", () => {
  it("writes the kept blocks of a preview as a fragment that imports to exactly those blocks", () => {
    const content = importHtml(NEWS_PAGE);
    const blocks = content.blocks.map((block) => ({
      type: block.type,
      level: block.level,
      text: content.text.slice(block.start, block.end),
    }));
    const kept = blocks.filter((_, index) => index !== 1);
    const stored = importHtml(blocksToHtml(kept));
    expect(stored.blocks.map((block) => stored.text.slice(block.start, block.end))).toEqual(
      kept.map((block) => block.text),
    );
    expect(stored.text).not.toContain(blocks[1].text);
  });

  it("keeps a lone list item a list item and line breaks as breaks", () => {
    const html = blocksToHtml([
      { type: "paragraph", text: "one\ntwo" },
      { type: "list-item", text: "a < b" },
      { type: "heading", level: 3, text: "Next" },
    ]);
    expect(html).toBe("<p>one<br>two</p>\n<ul>\n<li>a &lt; b</li>\n</ul>\n<h3>Next</h3>");
    expect(importHtml(html).blocks.map((block) => block.type)).toEqual(["paragraph", "list-item", "heading"]);
  });
});
