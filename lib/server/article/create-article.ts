import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { importHtml } from "../../import/html";
import { importPlainText } from "../../import/plain-text";
import { ZCreateArticle } from "../../schemas/articles";
import type { ArticleView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { invalid } from "../shared/errors";
import { insertArticle } from "./insert-article";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/**
 * The HTML parser slows down with the square of nesting depth; a real article
 * has a few thousand tags, so this bound keeps one request from eating the CPU.
 */
export const MAX_HTML_TAGS = 50_000;
export const countTags = (html: string) => html.match(/<[a-zA-Z!/]/g)?.length ?? 0;

/**
 * Imports an article from pasted text (kept character for character) or HTML
 * (sanitized down to text and structure). Its first revision is the text every
 * annotation anchors to.
 */
export async function createArticle(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<ArticleView> {
  requirePermission(actor, "create:article");
  const data = ZCreateArticle.parse(input);
  if (data.html !== undefined && countTags(data.html) > MAX_HTML_TAGS) {
    throw invalid("html", `has more than ${MAX_HTML_TAGS} tags; paste the article alone, or its text`);
  }
  const content = data.html !== undefined ? importHtml(data.html) : importPlainText(data.text!);
  if (!content.text.trim()) throw invalid(data.html !== undefined ? "html" : "text", "contains no article text");
  const id = await db.$transaction(async (tx) => {
    const { article } = await insertArticle(tx, {
      fields: {
        title: data.title,
        sourceUrl: data.sourceUrl,
        publisher: data.publisher,
        author: data.author,
        publishedAt: data.publishedAt,
      },
      content,
      actorId: actor.id,
    });
    await recordAuditEvent(tx, {
      articleId: article.id,
      actorId: actor.id,
      action: AUDIT.article.created,
      payload: {
        title: data.title,
        format: data.html !== undefined ? "html" : "text",
        characters: content.text.length,
      },
    });
    return article.id;
  });
  return loadArticleView(db, id);
}
