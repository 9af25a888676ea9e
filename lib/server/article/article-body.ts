import type { RevisionContent } from "../../domain/article";
import { importPlainText } from "../../import/plain-text";
import { invalid } from "../shared/errors";
import { readPage } from "./read-page";

/**
 * An article's body as the import takes it, for its first revision and every
 * later one alike: pasted text kept character for character; HTML read by
 * readPage (a whole page reduced to its article, a fragment as it is), so the
 * API works without the import form's preview. 422 naming the field for too
 * many tags, a page that is not an article, no text, or text over 2 MB.
 */
export async function articleBody(body: { text?: string; html?: string }): Promise<{
  content: RevisionContent;
  format: "html" | "text";
}> {
  if (body.html !== undefined)
    return { content: (await readPage(body.html, { field: "html" })).content, format: "html" };
  const content = importPlainText(body.text!);
  if (!content.text.trim()) throw invalid("text", "contains no article text");
  return { content, format: "text" };
}
