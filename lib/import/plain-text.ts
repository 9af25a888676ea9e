import type { Block, RevisionContent } from "../domain/article";

/**
 * Pasted plain text keeps every character as typed (curly quotes and all);
 * only line endings are unified, so offsets mean the same on every platform.
 * Paragraphs are runs of lines between blank lines.
 */
export function importPlainText(raw: string): RevisionContent {
  const text = raw.replace(/\r\n?/g, "\n");
  const blocks: Block[] = [];
  const paragraph = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    blocks.push({ type: "paragraph", start: match.index, end: match.index + match[0].length });
  }
  return { text, blocks };
}
