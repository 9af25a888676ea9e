import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RevisionContent } from "../domain/article";
import { importHtml, looksLikeHtml } from "./html";
import { extractPage } from "./page/extract-page";
import { NotAnArticle } from "./page/types";
import { importPlainText } from "./plain-text";

const fixture = path.resolve("../shared/fixtures/seed-article.txt");

/** Each block as [type, text] (headings as [type, level, text]). */
function shape({ text, blocks }: RevisionContent) {
  return blocks.map((block) => {
    const slice = text.slice(block.start, block.end);
    return block.type === "heading" ? [block.type, block.level, slice] : [block.type, slice];
  });
}

/** Invariants every import must keep. */
function expectWellFormed(content: RevisionContent) {
  const { text, blocks } = content;
  let previousEnd = -2;
  for (const block of blocks) {
    const slice = text.slice(block.start, block.end);
    expect(slice.trim().length).toBeGreaterThan(0);
    expect(slice).toBe(slice.replace(/^[ \n]+|[ \n]+$/g, ""));
    expect(slice).not.toMatch(/\n[^\S\n]*\n/);
    expect(slice).not.toMatch(/[ \t\r\f\u00A0]{2,}|[\t\r\f\u00A0]/);
    expect(text.slice(previousEnd, block.start)).toBe(blocks[0] === block ? "" : "\n\n");
    if (block.type === "heading") expect(block.level).toBeGreaterThanOrEqual(1);
    else expect(block).not.toHaveProperty("level");
    previousEnd = block.end;
  }
  expect(blocks.length === 0 ? text : text.slice(previousEnd)).toBe("");
  // Plain-text import of the result finds the very same paragraphs.
  expect(importPlainText(text).blocks.map(({ start, end }) => [start, end])).toEqual(
    blocks.map(({ start, end }) => [start, end]),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

describe("importHtml structure", () => {
  it("maps headings, paragraphs, blockquotes and lists to blocks with exact offsets", () => {
    const content = importHtml(`
      <h1>Main title</h1>
      <p>First paragraph.</p>
      <h2>Sub <em>heading</em></h2>
      <p>Second paragraph with <a href="https://example.com">a link</a>.</p>
      <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
      <blockquote>Bare quote</blockquote>
      <h6>Small</h6>
      <ul><li>Item one</li><li>Item <strong>two</strong>
        <ol><li>Nested a</li><li>Nested b</li></ol>
        tail of two</li></ul>
    `);
    expect(shape(content)).toEqual([
      ["heading", 1, "Main title"],
      ["paragraph", "First paragraph."],
      ["heading", 2, "Sub heading"],
      ["paragraph", "Second paragraph with a link."],
      ["blockquote", "Quoted one."],
      ["blockquote", "Quoted two."],
      ["blockquote", "Bare quote"],
      ["heading", 6, "Small"],
      ["list-item", "Item one"],
      ["list-item", "Item two"],
      ["list-item", "Nested a"],
      ["list-item", "Nested b"],
      ["list-item", "tail of two"],
    ]);
    expect(content.text.startsWith("Main title\n\nFirst paragraph.\n\nSub heading")).toBe(true);
    expect(content.blocks[0]).toEqual({ type: "heading", level: 1, start: 0, end: 10 });
    expect(content.blocks[1]).toEqual({ type: "paragraph", start: 12, end: 28 });
    expectWellFormed(content);
  });

  it("makes paragraphs of bare text in containers, table cells and figures; drops empty blocks", () => {
    const content = importHtml(`
      <div>Intro text<p>Inner paragraph</p>trailing text</div>
      <section><div><div>Deep text</div></div></section>
      <figure><img src="photo.jpg" alt="A photo"><figcaption>Caption – Photograph: Agency</figcaption></figure>
      <table><tr><th>Year</th><td>2022</td></tr></table>
      <p></p><p>   </p><p>&nbsp;</p><div><br><br></div>
      <hr>
      <pre>line one
  line   two</pre>
    `);
    expect(shape(content)).toEqual([
      ["paragraph", "Intro text"],
      ["paragraph", "Inner paragraph"],
      ["paragraph", "trailing text"],
      ["paragraph", "Deep text"],
      ["paragraph", "Caption – Photograph: Agency"],
      ["paragraph", "Year"],
      ["paragraph", "2022"],
      ["paragraph", "line one\nline two"],
    ]);
    expectWellFormed(content);
  });

  it("gives a heading or list item inside a quote its own type, and a paragraph inside a list item the item's", () => {
    const content =
      importHtml(`<blockquote><h3>Quoted heading</h3><ul><li>Quoted item</li></ul><p>Quoted text</p></blockquote>
      <ul><li><p>Item paragraph</p></li></ul>`);
    expect(shape(content)).toEqual([
      ["heading", 3, "Quoted heading"],
      ["list-item", "Quoted item"],
      ["blockquote", "Quoted text"],
      ["list-item", "Item paragraph"],
    ]);
    expectWellFormed(content);
  });

  it("copes with unclosed and misnested tags", () => {
    const content = importHtml("<p>one<p>two<h2>three</p>four<li>five<li>six");
    expect(shape(content)).toEqual([
      ["paragraph", "one"],
      ["paragraph", "two"],
      ["heading", 2, "three"],
      ["heading", 2, "four"],
      ["list-item", "five"],
      ["list-item", "six"],
    ]);
    expectWellFormed(content);
  });

  it("returns nothing for empty or text-free input", () => {
    expect(importHtml("")).toEqual({ text: "", blocks: [] });
    expect(importHtml("<div><p> </p></div>")).toEqual({ text: "", blocks: [] });
    // A whole page without text is not an article: it is refused with the reason, not stored empty.
    expect(() => importHtml("<html><head><title>Only a title</title></head><body> <div></div> </body></html>")).toThrow(
      NotAnArticle,
    );
    expect(importHtml("<script>alert(1)</script>")).toEqual({ text: "", blocks: [] });
  });

  it("imports text outside any element as a paragraph", () => {
    const content = importHtml("Just text, &amp; an entity");
    expect(shape(content)).toEqual([["paragraph", "Just text, & an entity"]]);
  });
});

describe("importHtml text", () => {
  it("decodes entities and keeps curly quotes, guillemets, accents and astral emoji", () => {
    const content = importHtml(
      "<p>&#8220;Fact&#8221; &amp; &lsquo;fiction&rsquo; &mdash; &laquo;&nbsp;Où est-il&nbsp;?&nbsp;&raquo; &#x1F6B2; caf&eacute;</p>" +
        "<p>“Literal” ‘quotes’ « guillemets » — naïve Zürich 🚲🇺🇦 👩🏽‍💻 日本語</p>",
    );
    expect(shape(content)).toEqual([
      ["paragraph", "“Fact” & ‘fiction’ — « Où est-il ? » 🚲 café"],
      ["paragraph", "“Literal” ‘quotes’ « guillemets » — naïve Zürich 🚲🇺🇦 👩🏽‍💻 日本語"],
    ]);
    // Offsets are UTF-16 code units: the emoji count twice.
    expect(content.blocks[1].end - content.blocks[1].start).toBe(
      "“Literal” ‘quotes’ « guillemets » — naïve Zürich 🚲🇺🇦 👩🏽‍💻 日本語".length,
    );
    expectWellFormed(content);
  });

  it("keeps Unicode spaces other than the no-break space", () => {
    const thin = "\u2009";
    const narrowNoBreak = "\u202F";
    const content = importHtml(`<p>10${thin}000 «${narrowNoBreak}oui${narrowNoBreak}»</p>`);
    expect(shape(content)).toEqual([["paragraph", `10${thin}000 «${narrowNoBreak}oui${narrowNoBreak}»`]]);
  });

  it("collapses HTML whitespace, turns no-break spaces into spaces and trims each block", () => {
    const content = importHtml(
      "<p>\n\t  Several   spaces,\ttabs\r\nand\n\nnewlines \u00A0&nbsp; here.  </p><p><span> a </span> <b> b </b></p>",
    );
    expect(shape(content)).toEqual([
      ["paragraph", "Several spaces, tabs and newlines here."],
      ["paragraph", "a b"],
    ]);
    expectWellFormed(content);
  });

  it("turns <br> into a line break, and a blank line (two or more <br>) into a new block of the same type", () => {
    const content = importHtml(
      "<p>Line one<br>Line two <br/> Line three<br></p>" +
        "<blockquote>Verse one<br><br>\n<br>Verse two</blockquote>" +
        "<h2>Split<br>heading</h2>",
    );
    expect(shape(content)).toEqual([
      ["paragraph", "Line one\nLine two\nLine three"],
      ["blockquote", "Verse one"],
      ["blockquote", "Verse two"],
      ["heading", 2, "Split\nheading"],
    ]);
    expectWellFormed(content);
  });

  it("adds the quotation marks a browser draws around <q>", () => {
    expect(importHtml("<p>He said <q>it was <q>over</q></q>.</p>").text).toBe("He said “it was ‘over’”.");
  });

  it("keeps escaped markup as the literal text it is (the result is plain text, never HTML)", () => {
    expect(importHtml("<p>Use &lt;p&gt; for paragraphs; 1 &lt; 2 &amp;&amp; 3 &gt; 2</p>").text).toBe(
      "Use <p> for paragraphs; 1 < 2 && 3 > 2",
    );
  });

  it("strips control characters and a leading byte-order mark", () => {
    expect(importHtml("\uFEFF<p>a&#1;b\u0007c&#0;</p>").text).toBe("abc\uFFFD");
  });
});

describe("importHtml scope", () => {
  it("prefers the <article> over page chrome", () => {
    const content = importHtml(`
      <body>
        <div class="cookie-banner">We use cookies. <button>Accept</button></div>
        <header><a href="/">The Daily Example</a><nav><a href="/world">World</a></nav></header>
        <p>Breaking: something else</p>
        <article><h1>The story</h1><p>Story text.</p></article>
        <div class="newsletter">Sign up for our newsletter</div>
        <footer>© The Daily Example</footer>
      </body>`);
    expect(shape(content)).toEqual([
      ["heading", 1, "The story"],
      ["paragraph", "Story text."],
    ]);
  });

  it("picks the top-level article with the most text when there are several", () => {
    const content = importHtml(`
      <article><h3>Teaser</h3><p>Short.</p></article>
      <article><h1>Main story</h1><p>A much longer paragraph of the story itself.</p>
        <article><p>A nested comment stays part of it.</p></article>
      </article>
      <article><p>Another teaser.</p></article>`);
    expect(shape(content)).toEqual([
      ["heading", 1, "Main story"],
      ["paragraph", "A much longer paragraph of the story itself."],
      ["paragraph", "A nested comment stays part of it."],
    ]);
  });

  it("falls back to <main>, then to the whole body", () => {
    expect(shape(importHtml("<div>Site menu</div><main><p>Main text</p></main><div>Footer text</div>"))).toEqual([
      ["paragraph", "Main text"],
    ]);
    expect(shape(importHtml("<body><div>Wrapper</div><p>Body text</p></body>"))).toEqual([
      ["paragraph", "Wrapper"],
      ["paragraph", "Body text"],
    ]);
  });

  it("keeps header and footer of the content but drops page-level ones, nav and aside", () => {
    const content = importHtml(`
      <body>
        <header><div class="logo"><h1>Site name</h1></div></header>
        <nav><ul><li>Home</li><li>World</li></ul></nav>
        <div id="wrapper">
          <section>
            <header><h2>Section header</h2></header>
            <p>Section text.</p>
            <aside><p>Related: other story</p></aside>
            <blockquote><p>Quote.</p><footer>— Speaker</footer></blockquote>
            <footer>Section footer</footer>
          </section>
        </div>
        <aside>Sidebar</aside>
        <footer>Page footer</footer>
      </body>`);
    expect(shape(content)).toEqual([
      ["heading", 2, "Section header"],
      ["paragraph", "Section text."],
      ["blockquote", "Quote."],
      ["blockquote", "— Speaker"],
      ["paragraph", "Section footer"],
    ]);
  });

  it("drops hidden elements but unwraps a page-wide <form>", () => {
    const content = importHtml(`
      <form id="aspnetForm" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="secret">
        <p>Visible <span hidden>hidden</span><span style="color:red; display : none !important">gone</span>text.</p>
        <div style="visibility:hidden">Invisible</div>
        <label for="q">Search</label><input id="q"><button>Go</button>
        <select><option>Choice</option></select><textarea>Draft</textarea>
      </form>`);
    expect(shape(content)).toEqual([["paragraph", "Visible text."]]);
  });
});

describe("importHtml sanitizing", () => {
  const forbidden = [
    "<",
    "alert(",
    "javascript:",
    "onerror",
    "onclick",
    "onload",
    "secret",
    "track.example",
    "evil.example",
    "http",
    "src=",
    "href",
  ];

  const cases: { name: string; html: string; expected: string }[] = [
    {
      name: "script",
      html: "<p>Before</p><script>alert(1)</script><SCRIPT type=module>alert(2)</SCRIPT><p>After</p>",
      expected: "Before\n\nAfter",
    },
    { name: "img onerror", html: "<p>Before <img src=x onerror=alert(1)> after</p>", expected: "Before after" },
    {
      name: "javascript: link keeps its text",
      html: '<p>Read <a href="javascript:alert(1)">link text</a> now</p>',
      expected: "Read link text now",
    },
    {
      name: "data: link",
      html: '<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Click</a></p>',
      expected: "Click",
    },
    {
      name: "iframe and its fallback",
      html: '<p>Before</p><iframe src="https://evil.example/"><p>alert(1)</p></iframe><iframe src="javascript:alert(1)"><p>After</p>',
      expected: "Before",
    },
    {
      name: "style element and attribute",
      html: '<style>p{background:url("javascript:alert(1)")}</style><p style="background:url(javascript:alert(1))">Styled</p>',
      expected: "Styled",
    },
    {
      name: "inline event handlers",
      html: '<p onclick="alert(1)">Click-free text</p><body onload="alert(2)"><div onmouseover="alert(3)">More</div>',
      expected: "Click-free text\n\nMore",
    },
    {
      name: "form and controls",
      html: '<p>Body</p><form action="https://evil.example/steal"><input type="hidden" name="token" value="secret"><input value=secret><textarea>secret</textarea><select><option>secret</option></select><button onclick="alert(1)">Send</button></form>',
      expected: "Body",
    },
    {
      name: "1×1 tracking pixel",
      html: '<p>Story<img src="https://track.example/p.gif?id=1" width="1" height="1" alt="" style="position:absolute"></p><img src="https://track.example/p2.gif" width=1 height=1>',
      expected: "Story",
    },
    {
      name: "picture, video, audio",
      html: '<p>Media</p><picture><source srcset="https://track.example/a.webp"><img src="https://track.example/a.jpg"></picture><video src="https://track.example/v.mp4" poster="https://track.example/p.jpg">Your browser cannot play alert(1)</video><audio><track src="https://track.example/t.vtt"></audio>',
      expected: "Media",
    },
    {
      name: "svg with script",
      html: '<p>A</p><svg onload="alert(1)"><script>alert(2)</script><foreignObject><p>alert(3)</p></foreignObject><title>alert(4)</title></svg><p>B</p>',
      expected: "A\n\nB",
    },
    {
      name: "math",
      html: "<p>A</p><math><mtext><script>alert(1)</script></mtext><mi>alert(2)</mi></math>",
      expected: "A",
    },
    {
      name: "HTML comments",
      html: "<p>A<!-- <script>alert(1)</script> -->B</p><!--[if IE]><script src=https://evil.example/x.js></script><![endif]--><p>C</p>",
      expected: "AB\n\nC",
    },
    {
      name: "noscript",
      html: '<noscript><img src="https://track.example/p.gif"><p>alert(1)</p></noscript><p>Text</p>',
      expected: "Text",
    },
    {
      name: "noscript mutation",
      html: '<p>A</p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>B</p>',
      expected: "A\n\nB",
    },
    { name: "CDATA", html: "<p>Before<![CDATA[<script>alert(1)</script>]]> after</p>", expected: "Before after" },
    { name: "template", html: "<p>A</p><template><script>alert(1)</script><p>alert(2)</p></template>", expected: "A" },
    {
      name: "object and embed",
      html: '<p>A</p><object data="https://evil.example/x.swf"><param name=x value=y>alert(1)</object><embed src="javascript:alert(2)"><applet code=x>alert(3)</applet>',
      expected: "A",
    },
    {
      name: "meta refresh and base",
      html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"><link rel=stylesheet href="https://evil.example/x.css"><p>A</p>',
      expected: "A",
    },
    {
      name: "mixed-case and malformed tags",
      html: "<P>A</P><ScRiPt>alert(1)</sCrIpT><img/src=x/onerror=alert(2)><script/xss>alert(3)</script><p>B",
      expected: "A\n\nB",
    },
    {
      name: "textarea/title break-out",
      html: "<p>A</p><textarea></textarea><script>alert(1)</script></textarea><title></title><img src=x onerror=alert(2)></title><p>B</p>",
      expected: "A\n\nB",
    },
    { name: "xmp", html: "<p>A</p><xmp><script>alert(1)</script></xmp><p>B</p>", expected: "A\n\nB" },
  ];

  it.each(cases)("$name", ({ html, expected }) => {
    const content = importHtml(html);
    expect(content.text).toBe(expected);
    for (const needle of forbidden) expect(content.text).not.toContain(needle);
    expectWellFormed(content);
  });
});

describe("importHtml on real-world input", () => {
  // ../shared/fixtures sits beside the clone on every developer machine and in CI.
  it("brings every paragraph of the seed article back unchanged, curly quotes and all", () => {
    const raw = fs.readFileSync(fixture, "utf8");
    const plain = importPlainText(raw);
    const paragraphs = plain.blocks.map((block) => plain.text.slice(block.start, block.end));
    const html = `<!DOCTYPE html><html><body><article>${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>\n")}</p>`).join("\n")}</article></body></html>`;
    const content = importHtml(html);
    expect(content.blocks.map((block) => content.text.slice(block.start, block.end))).toEqual(paragraphs);
    expect(content.blocks.every((block) => block.type === "paragraph")).toBe(true);
    expect(content.text).toBe(paragraphs.join("\n\n"));
    expect(content.text).toContain("“malicious disinformation”");
    expectWellFormed(content);
  });

  it("imports a realistic news page: the article body only (headline, byline, caption, ad label and chrome out; the correction kept)", () => {
    const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge repairs to cost £40m, council says | The Daily Example</title>
  <meta property="og:title" content="Harbour bridge repairs to cost £40m">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: "pageview"});</script>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs"}</script>
  <style>.ad-slot { min-height: 250px }</style>
</head>
<body class="article-page">
  <div id="consent" class="cookie-banner" role="dialog">
    <p>We and our 842 partners use cookies.</p><button onclick="accept()">Accept all</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/"><svg viewBox="0 0 10 10"><title>The Daily Example</title><path d="M0 0h10v10H0z"/></svg></a>
    <nav aria-label="Sections"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main id="content">
    <article class="story">
      <header class="story-header">
        <p class="kicker"><a href="/local">Local news</a></p>
        <h1 class="headline">Harbour bridge repairs to cost&nbsp;£40m, council&nbsp;says</h1>
        <p class="standfirst">Engineers found corrosion in <em>three</em> of the bridge&#8217;s main supports</p>
        <p class="byline">By <a rel="author" href="/profile/jane">Jane Doe</a>, transport correspondent ·
          <time datetime="2024-03-14T09:30:00Z">Thu 14 Mar 2024 09.30 GMT</time></p>
        <ul class="share"><li><button data-share="twitter">Share on X</button></li></ul>
      </header>
      <figure class="lead-image">
        <picture><source srcset="https://img.example/bridge.webp" type="image/webp"><img src="https://img.example/bridge.jpg" alt="The harbour bridge at dusk" width="1200" height="800"></picture>
        <figcaption>The bridge carries 30,000 vehicles a day. Photograph: John Smith/Agency</figcaption>
      </figure>
      <div class="article-body" itemprop="articleBody">
        <p>Repairs to the harbour bridge will cost at least £40m, the council said on Thursday, after an inspection found “significant” corrosion.</p>
        <p>The council leader, Amir Khan, told reporters: &#8220;We have no choice.
          The bridge is safe today, but it won&rsquo;t stay safe without this work.&#8221;</p>
        <div class="ad-slot" data-ad-unit="mpu"><script async src="https://ads.example/tag.js"></script>
          <noscript><img src="https://track.example/pixel.gif?c=1" width="1" height="1" alt=""></noscript><p class="ad-label">Advertisement</p></div>
        <aside class="related"><h3>Related</h3><article class="teaser"><a href="/other">Council tax to rise 5%</a></article></aside>
        <h2>Years of delays</h2>
        <p>Work was first proposed in 2019 but delayed twice:</p>
        <ul>
          <li>in 2020, when the pandemic halted surveys;</li>
          <li>in 2022, after the contractor &mdash; Bridgeworks Ltd &mdash; went into administration.</li>
        </ul>
        <blockquote class="twitter-tweet"><p lang="en" dir="ltr">Closing the bridge for 18 months would be a disaster for local businesses <a href="https://t.example/abc">pic.example/xyz</a></p>&mdash; Chamber of Commerce (@chamber) <a href="https://x.example/status/1">March 14, 2024</a></blockquote>
        <script async src="https://platform.example/widgets.js" charset="utf-8"></script>
        <form class="newsletter" action="https://news.example/subscribe"><label>Email</label><input type="email" name="email" placeholder="you@example.com"><button>Sign up</button></form>
        <p>The council said the bridge would stay open during the works, with one lane closed at night.</p>
      </div>
      <footer class="story-footer">
        <p class="correction"><em>This article was amended on 15 March 2024 to correct the number of supports affected.</em></p>
        <div class="tags"><a href="/t/bridges">Bridges</a></div>
      </footer>
    </article>
    <section class="comments"><article class="comment"><p>First!</p></article></section>
  </main>
  <aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Something else</a></li></ol></aside>
  <footer class="site-footer"><p>© 2024 The Daily Example</p><a href="/privacy">Privacy</a></footer>
  <img src="https://track.example/beacon.gif?page=bridge" width="1" height="1" style="display:none">
  <script>(function(){var s=document.createElement("script");s.src="https://track.example/t.js";document.body.appendChild(s)})();</script>
</body>
</html>`;
    const content = importHtml(page);
    // The headline is the title field; kicker, standfirst, byline, caption, ad label and tags are not the story
    // (main-content extraction, docs/decisions/026): the note correcting the article is part of it.
    expect(shape(content)).toEqual([
      [
        "paragraph",
        "Repairs to the harbour bridge will cost at least £40m, the council said on Thursday, after an inspection found “significant” corrosion.",
      ],
      [
        "paragraph",
        "The council leader, Amir Khan, told reporters: “We have no choice. The bridge is safe today, but it won’t stay safe without this work.”",
      ],
      ["heading", 2, "Years of delays"],
      ["paragraph", "Work was first proposed in 2019 but delayed twice:"],
      ["list-item", "in 2020, when the pandemic halted surveys;"],
      ["list-item", "in 2022, after the contractor — Bridgeworks Ltd — went into administration."],
      ["blockquote", "Closing the bridge for 18 months would be a disaster for local businesses pic.example/xyz"],
      ["blockquote", "— Chamber of Commerce (@chamber) March 14, 2024"],
      ["paragraph", "The council said the bridge would stay open during the works, with one lane closed at night."],
      ["paragraph", "This article was amended on 15 March 2024 to correct the number of supports affected."],
    ]);
    for (const needle of [
      "<",
      "cookies",
      "Accept",
      "Sport",
      "Share",
      "Related",
      "Sign up",
      "Email",
      "First!",
      "Most read",
      "©",
      "dataLayer",
      "track.example",
      "NewsArticle",
      "Advertisement",
      "Photograph",
      "Bridges",
    ]) {
      expect(content.text).not.toContain(needle);
    }
    expectWellFormed(content);
    expect(extractPage(page).metadata.title).toBe("Harbour bridge repairs to cost £40m, council says");
  });

  it("imports ~1.5 MB of paragraphs", () => {
    const count = 10_000;
    const paragraph = (i: number) =>
      `Paragraph ${i}: “quoted” words, café & 🚲 — ${"lorem ipsum dolor sit amet ".repeat(4)}end.`;
    const html = `<html><body><article>${Array.from({ length: count }, (_, i) => `<p class="p">\n  ${escapeHtml(paragraph(i))}\n</p>`).join("\n")}</article></body></html>`;
    expect(html.length).toBeGreaterThan(1_500_000);
    const content = importHtml(html);
    expect(content.blocks).toHaveLength(count);
    for (const i of [0, 1, 4_999, count - 1]) {
      const block = content.blocks[i];
      expect(content.text.slice(block.start, block.end)).toBe(paragraph(i));
    }
    expectWellFormed(content);
  });

  it("survives pathologically deep nesting", () => {
    const depth = 5_000;
    const html =
      "<div>".repeat(depth) + "<p>Deep</p><script>alert(1)</script>" + "</div>".repeat(depth) + "<p>After</p>";
    const content = importHtml(html);
    expect(content.text).toBe("Deep\n\nAfter");
  });
});

describe("looksLikeHtml", () => {
  it.each([
    "<!DOCTYPE html><html><body>x</body></html>",
    "\uFEFF  \n<!doctype html>",
    "<html lang=en>",
    "<p>Paragraph</p>",
    "Some text<br/>more",
    'Copied <div class="x">fragment</div>',
    "<h2>Heading</h2>",
    "<BLOCKQUOTE>quote</BLOCKQUOTE>",
  ])("recognizes %j", (input) => {
    expect(looksLikeHtml(input)).toBe(true);
  });

  it.each([
    "Plain text\n\nwith paragraphs",
    "if a < b and c > d",
    "Write to <jane@example.com>",
    "I <3 this",
    "<paragraph> is not a tag",
    "",
  ])("rejects %j", (input) => {
    expect(looksLikeHtml(input)).toBe(false);
  });
});
