import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import type { Block, BlockType, RevisionContent } from "../domain/article";
import { extractPage } from "./page/extract-page";
import { isWholePage } from "./page/whole-page";

/**
 * HTML → article text + block structure.
 *
 * Two layers, both built on htmlparser2 (no regex parsing of markup):
 *  1. `sanitize-html` drops everything dangerous or irrelevant — with its
 *     content — (scripts, styles, embeds, media, forms controls, navigation,
 *     asides, hidden elements…), every attribute and every comment, and keeps
 *     only the few tags that carry block structure. Inline tags (a, em, span…)
 *     go but their text stays.
 *  2. The sanitized HTML is parsed again with htmlparser2 and walked to build
 *     plain text plus blocks. Only text ever leaves the walker: no markup from
 *     the input can survive, whatever slipped through layer 1.
 *
 * Decisions:
 *  - Scope: a whole page goes through main-content extraction (`extractPage`,
 *    docs/decisions/026-main-content-extraction.md), which hands its article
 *    back through these same rules. A fragment keeps the rule below: the
 *    top-level `<article>` with the most text if there is one (pages often hold
 *    teaser cards as articles too), else the largest `<main>`, else the whole
 *    fragment.
 *  - `<nav>` and `<aside>` (menus, related links, ad slots, pull-out boxes) are
 *    dropped everywhere. `<header>`/`<footer>` are kept when they belong to
 *    content — inside article, main, section, blockquote, figure, list item,
 *    table cell or details (headline, standfirst, byline, quote attribution,
 *    correction notes) — and dropped as site chrome at page level.
 *  - A `<form>` element itself is unwrapped, not dropped (some CMSs wrap the
 *    whole page in one); its controls (input, textarea, select, button, label…)
 *    are dropped with their content.
 *  - Elements with the `hidden` attribute or an inline `display:none` /
 *    `visibility:hidden` style are dropped: a reader never sees them.
 *  - Blockquotes: one blockquote block per inner paragraph (or other block), so
 *    a multi-paragraph quote keeps its paragraphs; a heading or list item
 *    inside a quote keeps its own type (the innermost of heading / list item /
 *    blockquote wins; p, div, td… inherit it).
 *  - Nested lists flatten: each `<li>` is one list-item block, its own text
 *    before and after the nested list being separate blocks.
 *  - Whitespace: runs of HTML whitespace (space, tab, CR, LF, FF) collapse to
 *    one space; U+00A0 (no-break space) becomes a plain space too, so searches
 *    and anchors typed with a normal space match. Other Unicode spaces (thin,
 *    narrow no-break before « » and the like) are kept as they are. `<br>`
 *    gives "\n"; two or more in a row split the block in two, as they look
 *    in a browser, so that no block contains a blank line. Inside `<pre>`
 *    newlines count as `<br>`.
 *  - `<q>` gets the quotation marks a browser draws around it (“…”, ‘…’ when
 *    nested) since a quote without its marks reads as the author's words.
 *  - Blocks are joined with "\n\n", so `importPlainText(text)` finds the same
 *    paragraphs and `text.slice(b.start, b.end)` is each block's text.
 *  - Escaped markup in the article's text (`&lt;b&gt;`) is text, so it comes
 *    back as the characters `<b>`: the result is plain text, never HTML, and
 *    must be rendered as text (React does).
 */

/** Tags that carry block structure; everything else is unwrapped or dropped. */
const STRUCTURE_TAGS = [
  "address",
  "article",
  "blockquote",
  "br",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "q",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
];

/** Tags dropped together with everything inside them. */
const DROP_WITH_CONTENT = [
  // Scripting, styling, document metadata.
  "script",
  "style",
  "noscript",
  "template",
  "title",
  "meta",
  "link",
  "base",
  "xmp",
  "noembed",
  "noframes",
  // Embedded content and media (tracking pixels included).
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "param",
  "canvas",
  "svg",
  "math",
  "img",
  "picture",
  "video",
  "audio",
  "source",
  "track",
  "map",
  "area",
  // Form controls.
  "input",
  "textarea",
  "select",
  "option",
  "optgroup",
  "datalist",
  "button",
  "label",
  "output",
  "meter",
  "progress",
  "legend",
  // Page chrome.
  "nav",
  "aside",
  "dialog",
];

const BLOCK_TAGS = new Set(STRUCTURE_TAGS.filter((tag) => tag !== "br" && tag !== "q"));
/** header/footer inside one of these belong to the content, not the page. */
const CONTENT_SCOPE = new Set([
  "article",
  "main",
  "section",
  "blockquote",
  "figure",
  "li",
  "td",
  "th",
  "dd",
  "details",
]);
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** Deeper tags are unwrapped (text kept) so the walker's recursion stays bounded. */
const NESTING_LIMIT = 256;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: STRUCTURE_TAGS,
  allowedAttributes: {},
  disallowedTagsMode: "discard",
  nonTextTags: DROP_WITH_CONTENT,
  nestingLimit: NESTING_LIMIT,
  transformTags: {
    "*": (tagName, attribs) =>
      "hidden" in attribs || HIDING_STYLE.test(attribs.style ?? "")
        ? { tagName: "template", attribs: {} }
        : { tagName, attribs: {} },
  },
};

type HtmlNode = { name: string; children: (HtmlNode | string)[] };

/** Parses (already sanitized) HTML into a minimal tree: element names and text only. */
function parseTree(html: string): HtmlNode {
  const root: HtmlNode = { name: "#root", children: [] };
  const stack: HtmlNode[] = [root];
  const parser = new Parser(
    {
      onopentag(name) {
        const node: HtmlNode = { name, children: [] };
        stack[stack.length - 1].children.push(node);
        stack.push(node);
      },
      ontext(text) {
        stack[stack.length - 1].children.push(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function textLength(node: HtmlNode): number {
  let length = 0;
  for (const child of node.children) length += typeof child === "string" ? child.trim().length : textLength(child);
  return length;
}

/** Outermost elements named `name` (not nested in another one). */
function outermost(node: HtmlNode, name: string, found: HtmlNode[] = []): HtmlNode[] {
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (child.name === name) found.push(child);
    else outermost(child, name, found);
  }
  return found;
}

function largest(nodes: HtmlNode[]): HtmlNode | undefined {
  let best: HtmlNode | undefined;
  let bestLength = -1;
  for (const node of nodes) {
    const length = textLength(node);
    if (length > bestLength) [best, bestLength] = [node, length];
  }
  return best;
}

/** The part of the page to import: largest top-level article, else largest main, else everything. */
function pickScope(root: HtmlNode): HtmlNode {
  return largest(outermost(root, "article")) ?? largest(outermost(root, "main")) ?? root;
}

type Context = { type: BlockType; level?: number; pre: boolean; inContent: boolean; quoteDepth: number };

const HEADING = /^h([1-6])$/;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const HTML_SPACE = /[ \t\n\f\r\u00A0]+/g;
const HORIZONTAL_SPACE = /[ \t\f\u00A0]+/g;

/** Builds text and blocks from the tree; each block's text is whitespace-normalized and non-empty. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private pending = "";
  private pendingContext: Context | undefined;

  walk(node: HtmlNode, context: Context): void {
    for (const child of node.children) {
      if (typeof child === "string") this.addText(child, context);
      else this.element(child, context);
    }
  }

  private element(node: HtmlNode, context: Context): void {
    const { name } = node;
    if (DROP_WITH_CONTENT.includes(name)) return; // Sanitizing removed these already; never emit their text.
    if ((name === "header" || name === "footer") && !context.inContent) return;
    if (name === "br") {
      this.addInline("\n", context);
      return;
    }
    if (name === "q") {
      const [open, close] = context.quoteDepth % 2 === 0 ? ["“", "”"] : ["‘", "’"];
      this.addInline(open, context);
      this.walk(node, { ...context, quoteDepth: context.quoteDepth + 1 });
      this.addInline(close, context);
      return;
    }
    if (!BLOCK_TAGS.has(name)) {
      this.walk(node, context);
      return;
    }
    this.flush();
    this.walk(node, this.childContext(name, context));
    this.flush();
  }

  private childContext(name: string, context: Context): Context {
    const inContent = context.inContent || CONTENT_SCOPE.has(name);
    const pre = context.pre || name === "pre";
    const heading = HEADING.exec(name);
    if (heading) return { ...context, type: "heading", level: Number(heading[1]), pre, inContent };
    if (name === "li") return { ...context, type: "list-item", level: undefined, pre, inContent };
    if (name === "blockquote") return { ...context, type: "blockquote", level: undefined, pre, inContent };
    return { ...context, pre, inContent };
  }

  private addText(raw: string, context: Context): void {
    const text = raw.replace(CONTROL_CHARS, "");
    const normalized = context.pre
      ? text
          .replace(/\r\n?/g, "\n")
          .split("\n")
          .map((line) => line.replace(HORIZONTAL_SPACE, " "))
          .join("\n")
      : text.replace(HTML_SPACE, " ");
    this.addInline(normalized, context);
  }

  private addInline(text: string, context: Context): void {
    if (!text) return;
    this.pendingContext ??= context;
    this.pending += text;
  }

  /** Ends the current anonymous block: text gathered since the last block boundary. */
  flush(): void {
    const context = this.pendingContext;
    const raw = this.pending;
    this.pending = "";
    this.pendingContext = undefined;
    if (!context) return;
    const joined = raw.replace(/ {2,}/g, " ").replace(/ ?\n ?/g, "\n");
    // A blank line (two <br>s, or a line of only whitespace) splits the block, as it looks in a browser.
    for (const piece of joined.split(/\n(?:[^\S\n]*\n)+/)) {
      const text = piece.replace(/^(?:[^\S\n]*\n)+|(?:\n[^\S\n]*)+$/g, "").replace(/^ +| +$/g, "");
      if (!/\S/.test(text)) continue;
      this.emit(text, context);
    }
  }

  private emit(text: string, context: Context): void {
    if (this.parts.length > 0) {
      this.parts.push("\n\n");
      this.length += 2;
    }
    const block: Block = { type: context.type, start: this.length, end: this.length + text.length };
    if (context.type === "heading") block.level = context.level;
    this.parts.push(text);
    this.length += text.length;
    this.blocks.push(block);
  }

  text(): string {
    return this.parts.join("");
  }
}

/**
 * Which part of the HTML becomes blocks: "pick" is the fragment rule (largest
 * article, else main, else everything); "body" is everything, with page-level
 * header/footer dropped (the page as a whole, for the preview's list);
 * "content" is everything, all of it article content (an extractor's output,
 * where a header or footer left in belongs to the article).
 */
export type ImportScope = "pick" | "body" | "content";

function build(html: string, scopeRule: ImportScope = "pick"): { content: RevisionContent } {
  const sanitized = sanitizeHtml(html.replace(/^\uFEFF/, ""), SANITIZE_OPTIONS);
  const tree = parseTree(sanitized);
  const scope = scopeRule === "pick" ? pickScope(tree) : tree;
  const builder = new BlockBuilder();
  const inContent = scopeRule === "content" || scope.name !== "#root";
  builder.walk(scope, { type: "paragraph", pre: false, inContent, quoteDepth: 0 });
  builder.flush();
  return { content: { text: builder.text(), blocks: builder.blocks } };
}

/** The import's block rules on HTML, with the scope rule chosen by the caller (see `ImportScope`). */
export function importBlocks(html: string, scope: ImportScope): RevisionContent {
  return build(html, scope).content;
}

/**
 * Plain text and block structure of HTML; no markup from the input survives.
 * A whole page (a document a browser saves or a server sends) is reduced to its
 * article first (`extractPage`, which throws `NotAnArticle` for a page that is
 * not one); a fragment is the article already and keeps the fragment rules.
 */
export function importHtml(html: string): RevisionContent {
  return isWholePage(html) ? extractPage(html).content : build(html).content;
}

const DOCUMENT_START = /^[\s\uFEFF]*<(?:!doctype|html|head|body)[\s>]/i;
const BLOCK_TAG = /<(?:p|div|h[1-6]|article|section|main|blockquote|ul|ol|li|table|br)(?:\s[^<>]*)?\/?>/i;

/** Cheap guess whether pasted input is HTML rather than plain text. */
export function looksLikeHtml(input: string): boolean {
  return DOCUMENT_START.test(input) || BLOCK_TAG.test(input);
}
