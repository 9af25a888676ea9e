import type { Db } from "../../db/client";
import type { RevisionContent } from "../../domain/article";

/** Only the tables it writes; always the caller's transaction, so a later refusal undoes the article too. */
type Tx = Pick<Db, "article" | "articleRevision">;
type ArticleFields = {
  title: string;
  sourceUrl?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  modifiedAt?: Date | null;
  language?: string | null;
};

/**
 * Writes an article with its first revision (the text every annotation anchors
 * to) and points the article at it, inside the caller's transaction; the
 * caller records the audit event. Shared by the import and the demo seed.
 */
export async function insertArticle(
  tx: Tx,
  { fields, content, actorId }: { fields: ArticleFields; content: RevisionContent; actorId: string },
) {
  const article = await tx.article.create({ data: { ...fields, createdById: actorId } });
  const revision = await tx.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      text: content.text,
      blocks: JSON.stringify(content.blocks),
      createdById: actorId,
    },
  });
  await tx.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  return { article, revision };
}
