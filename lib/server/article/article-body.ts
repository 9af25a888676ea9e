import type { RevisionContent } from "../../domain/article";
import { importHtml } from "../../import/html";
import { importPlainText } from "../../import/plain-text";
import { invalid } from "../shared/errors";

/**
 * Bounds the work one request can ask for. A saved news page of 5 MB has
 * 10,000–60,000 tags (most of its weight is scripts and JSON); extraction
 * takes about 20 ms per 1,000 tags on a page made of nothing but short
 * paragraphs, so 150,000 tags is a few seconds at worst, off the request
 * thread. Nesting depth, whose cost grows with its square, is bounded
 * separately: extraction unwraps elements deeper than 160
 * (lib/import/page/nesting.ts), the sanitiser those deeper than 256.
 */
export const MAX_HTML_TAGS = 150_000;
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
