import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import { AUDIT } from "../../domain/audit-actions";
import type { Db } from "../../db/client";
import { ZSignOff } from "../../schemas/review";
import type { ArticleView } from "../../views/article-view";
import { transitionArticle } from "./article-transition";
import { AppError } from "../shared/errors";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

const excerpt = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);

/**
 * A reviewer signs the article off once every annotation in the text is
 * APPROVED (a revision's orphans are not in it), every claim and denial is
 * rated or marked "not rated" with a reason, and none reused a verdict that has
 * changed since (decision 030: its own verdict saved again answers the flag); it
 * is then read-only. Otherwise 409 lists what is in the way: `blocking` (not
 * approved), `unrated` (no verdict) and `basisChanged`, each item { id, kind, status, quote }.
 */
export async function signOffArticle(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<ArticleView> {
  requirePermission(actor, "signoff:article");
  const { note } = ZSignOff.parse(input ?? {});
  await db.$transaction(async (tx) => {
    const check = async () => {
      const select = { id: true, kind: true, status: true, quote: true } as const;
      const blocking = await tx.annotation.findMany({
        // Orphans are not in the published text (an editor may leave one unplaced on purpose).
        where: { articleId, status: { not: "APPROVED" }, anchorStatus: { not: "ORPHANED" } },
        orderBy: { start: "asc" },
        select,
      });
      // lacksRating (lib/domain/workflow) as a query: a blank reason is stored as null (optionalText).
      const unrated = await tx.annotation.findMany({
        where: {
          articleId,
          kind: { in: ["CLAIM", "DENIAL"] },
          verdict: null,
          notRatedReason: null,
          anchorStatus: { not: "ORPHANED" },
        },
        orderBy: { start: "asc" },
        select,
      });
      // Published with a verdict copied from one re-rated since: someone must say this one still holds.
      const basisChanged = await tx.annotation.findMany({
        where: { articleId, basedOnChangedAt: { not: null }, anchorStatus: { not: "ORPHANED" } },
        orderBy: { start: "asc" },
        select: { ...select, number: true },
      });
      if (!blocking.length && !unrated.length && !basisChanged.length) return;
      const listed = (rows: typeof blocking) =>
        rows.map((annotation) => ({
          id: annotation.id,
          kind: annotation.kind,
          status: annotation.status,
          quote: excerpt(annotation.quote),
        }));
      const sentences = [
        ...(blocking.length ? [`${blocking.length} annotation(s) are not approved yet.`] : []),
        ...(unrated.length
          ? [`${unrated.length} claim(s) or denial(s) have no verdict: rate each, or mark it not rated and say why.`]
          : []),
        ...(basisChanged.length
          ? [
              `${basisChanged.map((row) => annotationLabel(row.kind, row.number)).join(", ")} reused a verdict that has changed since: open each, then keep its verdict or change it.`,
            ]
          : []),
      ];
      throw new AppError("CONFLICT", sentences.join(" "), {
        ...(blocking.length ? { blocking: listed(blocking) } : {}),
        ...(unrated.length ? { unrated: listed(unrated) } : {}),
        ...(basisChanged.length ? { basisChanged: listed(basisChanged) } : {}),
      });
    };
    await transitionArticle(tx, {
      articleId,
      actorId: actor.id,
      action: "sign_off",
      auditAction: AUDIT.article.signedOff,
      note: note || null,
      check,
    });
    await tx.signOff.create({ data: { articleId, reviewerId: actor.id, decision: "APPROVED", note: note || null } });
  });
  return loadArticleView(db, articleId);
}
