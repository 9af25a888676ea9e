import type { AnnotationKind } from "../../domain/annotation";
import { LAST_NUMBER_FIELD } from "../../domain/annotation-label";
import type { Db } from "../../db/client";

/**
 * The next number for an annotation of `kind` on the article, taken inside the
 * caller's transaction: one UPDATE … SET last = last + 1 that reads the new
 * value back. The write locks the article row (PostgreSQL) or the database
 * (SQLite, whose writer transactions start with BEGIN IMMEDIATE), so parallel
 * creates are serialised and get distinct, gap-free numbers; a rolled-back
 * create gives its number back, a deletion never does.
 */
export async function takeAnnotationNumber(
  tx: Pick<Db, "article">,
  articleId: string,
  kind: AnnotationKind,
): Promise<number> {
  const field = LAST_NUMBER_FIELD[kind];
  const row = await tx.article.update({
    where: { id: articleId },
    data: { [field]: { increment: 1 } },
    select: { lastClaimNumber: true, lastDenialNumber: true, lastAnalysisNumber: true },
  });
  return row[field];
}
