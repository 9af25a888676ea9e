import type { Db } from "../../db/client";
import type { Verdict } from "../../domain/annotation";
import { AUDIT } from "../../domain/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";

export type ChangedBasis = {
  actorId: string;
  /** The re-rated annotation, as the reusing articles' logs name it. */
  basedOn: { id: string; label: string; articleId: string; articleTitle: string };
  from: Verdict | null;
  to: Verdict | null;
  /** When it was re-rated: the flag's value on the annotations this re-rating flagged. */
  at: Date;
};

/**
 * Tells every article whose annotations reused a verdict that it changed (decision 030): one audit event per reusing
 * annotation, in that article's log and live stream, so an open workbench shows the flag at once and its log says
 * why sign-off waits. Called after the re-rating committed, one short transaction per article: taking the other
 * articles' event locks inside the re-rating's own transaction would let two re-ratings whose reuses sit in each
 * other's articles take them in opposite orders and deadlock on PostgreSQL. The flag itself was set in the
 * re-rating's transaction, so sign-off waits even if this fails; only the news would then come with the next read.
 */
export async function announceBasisChanged(db: Db, change: ChangedBasis): Promise<void> {
  // Those still flagged by this re-rating: one whose verdict was kept meanwhile has nothing left to hear.
  const reusers = await db.annotation.findMany({
    where: { basedOnId: change.basedOn.id, basedOnChangedAt: change.at },
    select: { id: true, articleId: true, version: true },
    orderBy: [{ articleId: "asc" }, { id: "asc" }],
  });
  const byArticle = new Map<string, typeof reusers>();
  for (const reuser of reusers) byArticle.set(reuser.articleId, [...(byArticle.get(reuser.articleId) ?? []), reuser]);
  for (const [articleId, annotations] of byArticle) {
    try {
      await db.$transaction(async (tx) => {
        for (const annotation of annotations)
          await recordAuditEvent(tx, {
            articleId,
            annotationId: annotation.id,
            actorId: change.actorId,
            action: AUDIT.annotation.basisChanged,
            payload: { basedOn: change.basedOn, from: change.from, to: change.to, version: annotation.version },
          });
      });
    } catch (error) {
      // The re-rating stands and the flag is stored: a failed notice must not turn a saved change into an error.
      console.error(
        "[factmark] telling article %s that a reused verdict changed:",
        articleId,
        (error as Error).message,
      );
    }
  }
}
