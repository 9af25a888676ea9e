import { describe, expect, it } from "vitest";
import { blocksToHtml } from "../content-html";
import { NEWS_PAGE } from "../fixtures/news-page";
import { importHtml } from "../html";
import { loadCorpus } from "./corpus";
import { extractPage } from "./extract-page";
import { flattenDeepNesting, htmlDepth, MAX_DEPTH } from "./nesting";
import { parsePage } from "./parse-page";
import { NotAnArticle, type ExtractedPage } from "./types";

const sentence = (n: number) =>
  `Paragraph ${n} of the story says the harbour council spent ${n * 1000} pounds on repairs to the old bridge, according to records seen by reporters this week.`;

/** A page as CMSs publish them: chrome around one article of `paragraphs` paragraphs, plus `inside` within it. */
function page({ paragraphs = 6, inside = "", head = "", after = "" } = {}): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${sentence(i + 1)}</p>`).join("\n");
  return `<!doctype html><html lang="en"><head><title>Bridge repairs | The Gazette</title>
<meta property="og:type" content="article">${head}</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Bridge repairs cost the council thousands</h1>
<div class="article-body">${body}${inside}</div>${after}</article>
<section class="most-read"><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></section></main>
<footer><p>© The Gazette</p></footer></body></html>`;
}

const kept = (extracted: ExtractedPage) => extracted.blocks.filter((block) => block.kept);

function expectStoredIsKept(extracted: ExtractedPage) {
  expect(importHtml(blocksToHtml(kept(extracted)))).toEqual(extracted.content);
}

describe("extractPage", () => {
  it("stores exactly the kept blocks: content equals their fragment imported again", () => {
    expectStoredIsKept(extractPage(NEWS_PAGE));
    for (const corpusPage of loadCorpus().filter((entry) => entry.expectedText !== undefined)) {
      expectStoredIsKept(extractPage(corpusPage.html));
    }
  });

  it("lists the page's blocks in page order, the article kept and the chrome left out to bring back", () => {
    const extracted = extractPage(page({ after: '<div class="story-tags"><p>Tags: bridges, council</p></div>' }));
    const texts = extracted.blocks.map((block) => block.text);
    expect(texts.indexOf(sentence(1))).toBeLessThan(texts.indexOf(sentence(6)));
    expect(kept(extracted).map((block) => block.text)).toEqual(Array.from({ length: 6 }, (_, i) => sentence(i + 1)));
    const headline = extracted.blocks.find((block) => block.text === "Bridge repairs cost the council thousands");
    expect(headline).toMatchObject({ kept: false, type: "heading", level: 1 });
    expect(extracted.content.text).not.toContain("Another story");
  });

  it("keeps a lede the page reuses as its summary, and leaves out a standfirst under the headline", () => {
    const lede = sentence(1);
    const ledeAfterByline = page({ head: `<meta name="description" content="${lede}">` }).replace(
      "<h1>Bridge repairs cost the council thousands</h1>",
      '<h1>Bridge repairs cost the council thousands</h1><p class="byline">By Ana Ruiz</p>',
    );
    expect(kept(extractPage(ledeAfterByline))[0].text).toBe(lede);
    const dek = "The council says the bill was unavoidable; residents are not so sure about it.";
    const standfirst = page({ head: `<meta name="description" content="${dek}">` }).replace(
      "<h1>Bridge repairs cost the council thousands</h1>",
      `<h1>Bridge repairs cost the council thousands</h1><p class="dek">${dek}</p>`,
    );
    expect(extractPage(standfirst).content.text).not.toContain(dek);
  });

  it("keeps a paragraph that an image credit runs into, and drops a copyright line", () => {
    const credited = `© Provided by Gazette Pictures ${sentence(9)}`;
    const extracted = extractPage(page({ inside: `<p>${credited}</p><p>© 2026 The Gazette Ltd</p>` }));
    expect(extracted.content.text).toContain(credited);
    expect(extracted.content.text).not.toContain("The Gazette Ltd");
  });

  it("reads camelCase class names as words: an imageCaption is a caption", () => {
    const caption = "The old bridge, pictured in 1950, before the first repairs were carried out by the council.";
    const extracted = extractPage(
      page({ inside: `<div class="mol-img"><p class="imageCaption">${caption}</p></div>` }),
    );
    expect(extracted.blocks.find((block) => block.text === caption)).toMatchObject({ kept: false, why: "caption" });
  });

  it("keeps a correction note at the end, leaves captions, pull quotes and promotions out", () => {
    const extracted = extractPage(
      page({
        inside:
          '<figure><img src="a.jpg"><figcaption>The old bridge at dusk. Photograph: Ana Ruiz</figcaption></figure>' +
          `<aside class="pullquote"><blockquote><p>We spent ${3000} pounds</p></blockquote></aside>` +
          '<div class="pull-quote"><p>The repairs were the right call for the town</p></div>' +
          '<div class="newsletter-signup"><p>Sign up for our morning newsletter</p></div>' +
          "<p>Advertisement</p>",
        after:
          '<footer class="article-footer"><p class="correction">Correction: an earlier version of this story gave the wrong year for the repairs.</p></footer>',
      }),
    );
    const find = (text: string) => extracted.blocks.find((block) => block.text.startsWith(text));
    expect(find("The old bridge at dusk")).toMatchObject({ kept: false, why: "caption" });
    expect(find("The repairs were the right call")).toMatchObject({ kept: false, why: "pull-quote" });
    expect(find("Sign up for our morning")).toMatchObject({ kept: false });
    expect(find("Advertisement")).toMatchObject({ kept: false });
    expect(find("Correction: an earlier version")).toMatchObject({ kept: true, why: "correction" });
    expect(extracted.content.text.endsWith("gave the wrong year for the repairs.")).toBe(true);
  });

  it("takes the JSON-LD articleBody when the page's body is built by JavaScript", () => {
    const body = Array.from({ length: 4 }, (_, i) => sentence(i + 1)).join("\n\n");
    const html = `<!doctype html><html><head><title>Story</title><script type="application/ld+json">${JSON.stringify({
      "@type": "NewsArticle",
      headline: "Bridge repairs",
      articleBody: body,
    })}</script></head><body><div id="root"></div><script>render()</script></body></html>`;
    const extracted = extractPage(html);
    expect(extracted.content.text).toBe(body);
    expect(kept(extracted).every((block) => block.why === "json-ld")).toBe(true);
  });

  it("uses an agreeing JSON-LD body to bring back a lost paragraph, and ignores one that tells another story", () => {
    const lost = "The lost paragraph names the contractor, Bridgeworks Limited, and the date the work began in spring.";
    const agreeing = [...Array.from({ length: 6 }, (_, i) => sentence(i + 1)), lost].join("\n");
    const withBody = (articleBody: string) =>
      page({
        head: `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", articleBody })}</script>`,
      });
    expect(extractPage(withBody(agreeing)).content.text).toContain(lost);
    const other = Array.from({ length: 40 }, (_, i) => `Unrelated football report line ${i} about a cup final.`).join(
      "\n",
    );
    const extracted = extractPage(withBody(other));
    expect(extracted.content.text).not.toContain("football");
    expect(extracted.content.text).toContain(sentence(6));
  });

  it("refuses a home page of links, a sign-in wall and an empty shell, each with the reason", () => {
    const teasers = Array.from(
      { length: 30 },
      (_, i) =>
        `<div class="card"><h3><a href="/s/${i}">Headline number ${i} about the day's news</a></h3><a href="/s/${i}">Read</a></div>`,
    ).join("");
    const home = `<!doctype html><html><head><title>The Gazette</title></head><body><main>${teasers}</main></body></html>`;
    expect(() => extractPage(home)).toThrow(/home page/);
    const wall = `<!doctype html><html><head><title>Story</title></head><body><main><h2>Sign in to continue</h2><p>To keep reading, sign in or create a free account.</p><form><input name="email"><button>Sign in</button></form></main></body></html>`;
    expect(() => extractPage(wall)).toThrow(/sign in or subscribe/);
    expect(() => extractPage("<!doctype html><html><body><div id=app></div></body></html>")).toThrow(NotAnArticle);
  });

  it("does not refuse a short real article", () => {
    const html = `<!doctype html><html><head><title>Brief</title></head><body><p>${sentence(1)}</p><p>Subscribe to our newsletter.</p></body></html>`;
    expect(extractPage(html).content.text).toContain(sentence(1));
  });

  it("unwraps nesting deeper than the limit, keeping the text in order (Readability's cost grows with depth squared)", () => {
    const depth = 3_000;
    const html = `<!doctype html><html><body>${"<div>".repeat(depth)}<p>${sentence(1)}</p><p>${sentence(2)}</p>${"</div>".repeat(depth)}</body></html>`;
    const document = parsePage(html);
    expect(flattenDeepNesting(document)).toBeGreaterThan(depth - MAX_DEPTH - 10);
    expect(document.body.textContent).toBe(sentence(1) + sentence(2));
    expect(extractPage(html).content.text).toContain(sentence(1));
  });

  it("measures nesting depth from the tags alone, ignoring self-closing elements, scripts and comments", () => {
    expect(htmlDepth("<div><p>a<p>b<ul><li>c<li>d</ul></div><br><img src=x>")).toBe(2);
    expect(htmlDepth("<script>'<div><div><div>'</script><!-- <div><div> --><div></div>")).toBe(1);
    expect(htmlDepth("<b>".repeat(60_000) + "x")).toBe(60_000);
  });
});
