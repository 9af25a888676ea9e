import { segment, type Span } from "../anchoring/segments";
import type { ArticleView } from "../views/article-view";
import { escapeAttr, escapeHtml } from "./escape";
import { bucketSpans, layOutBlocks, type LaidBlock } from "./layout";
import type { NumberedAnnotation } from "./model";

/** Per annotation: its number, its end, and its markup, built once (most runs carry a single annotation). */
type MarkInfo = { n: number; end: number; kindClass: string; open: string; ref: string };

const KIND_CLASS = { CLAIM: "k-claim", DENIAL: "k-denial", ANALYSIS: "k-analysis" } as const;

/**
 * The article text with its blocks, every character once. Each run covered by
 * the same annotations is one <mark data-annotations="outermost … innermost">,
 * so the marks carrying an id, concatenated, are exactly that annotation's
 * quote. The [N] reference follows the mark that ends the annotation and is
 * never inside a mark. Whitespace between blocks is kept in a hidden span so
 * the text content of the section is the revision text itself.
 */
export function renderArticleText(out: string[], article: ArticleView, numbered: readonly NumberedAnnotation[]): void {
  const text = article.revision.text;
  const info = new Map<string, MarkInfo>();
  const spans: Span[] = [];
  for (const { annotation, n, anchored } of numbered) {
    if (!anchored) continue;
    const kindClass = KIND_CLASS[annotation.kind];
    info.set(annotation.id, {
      n,
      end: annotation.end,
      kindClass,
      open: `<mark class="${kindClass}" data-annotations="${escapeAttr(annotation.id)}">`,
      ref: `<sup class="ref"><a href="#note-${n}" id="ref-${n}">[${n}]</a></sup>`,
    });
    spans.push({ id: annotation.id, start: annotation.start, end: annotation.end });
  }
  const blocks = layOutBlocks(text, article.revision.blocks);
  const buckets = bucketSpans(blocks, spans);
  // Each block is joined on its own before it joins `out`: far fewer live strings, so garbage collection stays linear.
  const chunk: string[] = [];
  const writer = new TextWriter(chunk, text, info);
  let open: "ul" | "blockquote" | null = null;
  let headingLevel = 1; // the page's <h1> is the article title
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const container = block.type === "list-item" ? "ul" : block.type === "blockquote" ? "blockquote" : null;
    if (open !== container) {
      if (open) out.push(`</${open}>`);
      if (container) out.push(`<${container}>`);
      open = container;
    }
    let tag = block.type === "list-item" ? "li" : "p";
    if (block.type === "heading") {
      // Article level 1 → h2 … capped at h6, and never deeper than one below the previous heading.
      headingLevel = Math.min(Math.max(2, Math.min(6, Math.trunc(block.level) + 1)), headingLevel + 1);
      tag = `h${headingLevel}`;
    }
    chunk.push(`<${tag}>`);
    writer.block(block, buckets[i]);
    chunk.push(`</${tag}>`);
    out.push(chunk.join(""));
    chunk.length = 0;
  }
  if (open) out.push(`</${open}>`);
}

class TextWriter {
  private pending: MarkInfo[] = [];

  constructor(
    private readonly out: string[],
    private readonly text: string,
    private readonly info: Map<string, MarkInfo>,
  ) {}

  block(block: LaidBlock, spans: Span[]): void {
    this.gap(block.renderStart, block.start, spans);
    this.run(block.start, block.end, spans, true);
    this.flushRefs();
    this.gap(block.end, block.renderEnd, spans);
  }

  /** Whitespace that belongs to no block: hidden, but its marks still count. */
  private gap(from: number, to: number, spans: Span[]): void {
    if (to <= from) return;
    this.out.push('<span class="gap" hidden>');
    this.run(from, to, spans, false);
    this.out.push("</span>");
    // A reference ending inside the gap goes right after it, where it is visible.
    this.flushRefs();
  }

  /** `visible` is false inside a hidden gap, where references must wait. */
  private run(from: number, to: number, spans: Span[], visible: boolean): void {
    const { out, text } = this;
    if (to <= from) return;
    if (spans.length === 0) {
      out.push(escapeHtml(text.slice(from, to)));
      return;
    }
    for (const piece of segment(spans, from, to)) {
      const content = escapeHtml(text.slice(piece.start, piece.end));
      if (visible) this.flushRefs();
      if (piece.ids.length === 0) {
        out.push(content);
        continue;
      }
      const { ids } = piece;
      const first = this.info.get(ids[0])!;
      out.push(ids.length === 1 ? first.open : this.openMany(ids), content, "</mark>");
      for (const id of ids) {
        const mark = id === ids[0] ? first : this.info.get(id)!;
        if (mark.end === piece.end) this.pending.push(mark);
      }
    }
  }

  /** A run under several annotations: kind classes each once, ids outermost first. */
  private openMany(ids: string[]): string {
    const kinds = new Set<string>();
    for (const id of ids) kinds.add(this.info.get(id)!.kindClass);
    return `<mark class="${[...kinds].join(" ")} overlap" data-annotations="${escapeAttr(ids.join(" "))}">`;
  }

  private flushRefs(): void {
    const { pending, out } = this;
    if (pending.length === 0) return;
    if (pending.length > 1) pending.sort((a, b) => a.n - b.n);
    for (const mark of pending) out.push(mark.ref);
    pending.length = 0;
  }
}
