import type { BlockType, RevisionContent } from "../domain/article";
import { escapeHtml } from "../export/escape";

/** A block as the preview lists it: its type, heading level and text. */
export type TextBlock = { type: BlockType; level?: number; text: string };

/**
 * Imported content written back as the plainest HTML that imports to the same
 * text and blocks: one element per block (a heading at its level, a
 * paragraph, a quoted paragraph, a list item in a list), line breaks as <br>,
 * everything else escaped text. A fetched page goes to the import form this
 * way, so the editor reviews the article itself, not the page's markup, and
 * importing it again changes nothing (a unit test holds both to that).
 */
export function contentToHtml({ text, blocks }: RevisionContent): string {
  return blocksToHtml(
    blocks.map((block) => ({ type: block.type, level: block.level, text: text.slice(block.start, block.end) })),
  );
}

/**
 * Blocks written back as a fragment (the shape of `contentToHtml`): what the
 * import form sends for the blocks the editor kept in the preview, and what
 * imports to exactly those blocks.
 */
export function blocksToHtml(blocks: TextBlock[]): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    const isItem = block.type === "list-item";
    if (isItem !== inList) out.push(isItem ? "<ul>" : "</ul>");
    inList = isItem;
    const body = escapeHtml(block.text).replaceAll("\n", "<br>");
    if (block.type === "heading") out.push(`<h${block.level ?? 2}>${body}</h${block.level ?? 2}>`);
    else if (block.type === "blockquote") out.push(`<blockquote><p>${body}</p></blockquote>`);
    else if (isItem) out.push(`<li>${body}</li>`);
    else out.push(`<p>${body}</p>`);
  }
  if (inList) out.push("</ul>");
  return out.join("\n");
}
