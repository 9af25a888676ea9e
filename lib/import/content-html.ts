import type { RevisionContent } from "../domain/article";
import { escapeHtml } from "../export/escape";

/**
 * Imported content written back as the plainest HTML that imports to the same
 * text and blocks: one element per block (a heading at its level, a
 * paragraph, a quoted paragraph, a list item in a list), line breaks as <br>,
 * everything else escaped text. A fetched page goes to the import form this
 * way, so the editor reviews the article itself, not the page's markup, and
 * importing it again changes nothing (a unit test holds both to that).
 */
export function contentToHtml({ text, blocks }: RevisionContent): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    const isItem = block.type === "list-item";
    if (isItem !== inList) out.push(isItem ? "<ul>" : "</ul>");
    inList = isItem;
    const body = escapeHtml(text.slice(block.start, block.end)).replaceAll("\n", "<br>");
    if (block.type === "heading") out.push(`<h${block.level ?? 2}>${body}</h${block.level ?? 2}>`);
    else if (block.type === "blockquote") out.push(`<blockquote><p>${body}</p></blockquote>`);
    else if (isItem) out.push(`<li>${body}</li>`);
    else out.push(`<p>${body}</p>`);
  }
  if (inList) out.push("</ul>");
  return out.join("\n");
}
