import type { RevisionContent } from "../../domain/article";
import { importHtml } from "../../import/html";
import { importPlainText } from "../../import/plain-text";
import { invalid } from "../shared/errors";

/**
 * The HTML parser slows down with the square of nesting depth; a real article
 * has a few thousand tags, so this bound keeps one request from eating the CPU.
 */
export const MAX_HTML_TAGS = 50_000;
export const countTags = (html: string) => html.match(/<[a-zA-Z!/]/g)?.length ?? 0;

/**
 * An article's body as the import takes it, for its first revision and every
 * later one alike: pasted text kept character for character, HTML sanitized
 * down to text and structure. 422 naming the field for too many tags or no text.
 */
export function articleBody(body: { text?: string; html?: string }): {
  content: RevisionContent;
  format: "html" | "text";
} {
  if (body.html !== undefined && countTags(body.html) > MAX_HTML_TAGS) {
    throw invalid("html", `has more than ${MAX_HTML_TAGS} tags; paste the article alone, or its text`);
  }
  const format = body.html !== undefined ? "html" : "text";
  const content = body.html !== undefined ? importHtml(body.html) : importPlainText(body.text!);
  if (!content.text.trim()) throw invalid(format, "contains no article text");
  return { content, format };
}
