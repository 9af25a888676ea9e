import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZCreateArticle } from "../../schemas/articles";
import type { ArticleView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { articleBody } from "./article-body";
import { insertArticle } from "./insert-article";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/**
 * Imports an article from pasted text (kept character for character) or HTML
 * (a whole page reduced to its article, a fragment sanitized down to text and
 * structure), with what the page says of itself (dates, language). Its first revision is the text every
 * annotation anchors to.
 */
export async function createArticle(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<ArticleView> {
  requirePermission(actor, "create:article");
  const data = ZCreateArticle.parse(input);
  const { content, format } = await articleBody(data);
  const id = await db.$transaction(async (tx) => {
    const { article } = await insertArticle(tx, {
      fields: {
        title: data.title,
        sourceUrl: data.sourceUrl,
        publisher: data.publisher,
        author: data.author,
        publishedAt: data.publishedAt,
        modifiedAt: data.modifiedAt,
        language: data.language,
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
        format,
        characters: content.text.length,
      },
    });
    return article.id;
  });
  return loadArticleView(db, id);
}
