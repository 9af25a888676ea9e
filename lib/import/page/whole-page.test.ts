import { describe, expect, it } from "vitest";
import { isWholePage } from "./whole-page";

describe("isWholePage", () => {
  it.each([
    ["a saved page", "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"],
    [
      "a page after comments and an XML prologue",
      '<?xml version="1.0"?>\n<!-- saved -->\n<!-- a -- b --><html><body>x',
    ],
    ["a page with a byte-order mark", "\uFEFF  <html lang=en><body>x"],
  ])("reads %s as a whole page", (_case, html) => {
    expect(isWholePage(html)).toBe(true);
  });

  it.each([
    ["a CMS's paragraphs", "<h2>Sub</h2><p>One.</p><p>Two.</p>"],
    ["the preview's kept blocks", "<p>The mayor said “crime fell”.</p>\n<ul>\n<li>item</li>\n</ul>"],
    ["a browser selection", "<html><body><!--StartFragment--><p>Chosen words.</p><!--EndFragment--></body></html>"],
    [
      "a body without its document (today's scope rules: the largest <article>)",
      "<body><nav>x</nav><article><p>y</p></article></body>",
    ],
    ["text that mentions a tag", "<p>Write &lt;body&gt; at the top.</p>"],
  ])("reads %s as a fragment", (_case, html) => {
    expect(isWholePage(html)).toBe(false);
  });

  it("answers at once on thousands of comments before the page (no backtracking)", () => {
    const html = `${"<!-- x - y -->".repeat(20_000)}<p>no page</p>`;
    expect(isWholePage(html)).toBe(false);
  });
});
