import { findOrphanAgain, reanchor } from "../../anchoring/reanchor";
import type { Actor } from "../../domain/actor";
import { AUDIT } from "../../domain/audit-actions";
import { can } from "../../domain/permissions";
import type { Db } from "../../db/client";
import type { RevisionContent } from "../../domain/article";
import { onDbThread } from "../../db-thread/on-db-thread";
import type { AnnotationView, RevisionView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { loadAnnotationViews } from "./article-annotations";
import { transitionArticle } from "./article-transition";
import { carryAnnotations, countOutcomes, type Reanchoring } from "./carry-annotations";
import { revisionText } from "./revision-text";

export type RevisionAnswer = { revision: RevisionView; reanchoring: Reanchoring; annotations: AnnotationView[] };

/** Why a revision of a signed-off article reopens it (the sign-off covered words that may have changed). */
export const REVISED_REOPEN_NOTE = "source article revised";

/**
 * The transaction of addRevision (add-revision.ts), given the body as the import read it: on the SQLite
 * database thread in the server (lib/db-thread/on-db-thread.ts), the rest of the work being done before.
 */
export const storeRevision = onDbThread(
  "storeRevision",
  async function storeRevision(
    db: Db,
    {
      actor,
      articleId,
      note,
      baseRevisionId,
      content,
      format,
    }: {
      actor: Actor;
      articleId: string;
      note: string | null;
      baseRevisionId: string | undefined;
      content: RevisionContent;
      format: "html" | "text";
    },
  ): Promise<RevisionAnswer> {
    // Checked again here, where the writes are: this use case is reachable by name on the database thread.
    requirePermission(actor, "revise:article");
    const answer = await db.$transaction(
      async (tx) => {
        const article = await tx.article.findUnique({
          where: { id: articleId },
          select: { status: true, currentRevision: { select: { id: true, number: true } } },
        });
        const current = article?.currentRevision;
        if (!article || !current) throw new AppError("NOT_FOUND", "No such article.");
        if (baseRevisionId !== undefined && baseRevisionId !== current.id) throw newerRevision(current);
        if (article.status === "SIGNED_OFF" && !can(actor.role, "reopen:article"))
          throw new AppError(
            "LOCKED",
            "This article is signed off: only a reviewer or an admin may add a revision, which reopens it.",
          );
        const oldText = await revisionText(tx, current.id);
        if (content.text === oldText)
          throw invalid(format, `is the same text as the current revision (${current.number}); nothing changed`);

        // The first write, conditional on the revision read: on PostgreSQL it holds the article's row until
        // commit, so a second revision (or an annotation change, which touches the row too) waits, then fails here.
        const at = new Date();
        const held = await tx.article.updateMany({
          where: { id: articleId, currentRevisionId: current.id },
          data: { updatedAt: at },
        });
        if (held.count === 0) throw newerRevision(await currentRevisionOf(tx, articleId));
        if (article.status === "SIGNED_OFF")
          await transitionArticle(tx, {
            articleId,
            actorId: actor.id,
            action: "reopen",
            auditAction: AUDIT.article.reopened,
            note: REVISED_REOPEN_NOTE,
          });

        // Annotations on the current revision are carried through the diff. Orphans stay on the revision they were
        // last found on, unless their exact words are back (findOrphanAgain: a mistaken revision corrected).
        const carriedSelect = {
          id: true,
          start: true,
          end: true,
          quote: true,
          prefix: true,
          suffix: true,
          anchorStatus: true,
          anchorScore: true,
          previousQuote: true,
          status: true,
          version: true,
          updatedAt: true,
        } as const;
        const rows = await tx.annotation.findMany({
          where: { articleId, revisionId: current.id, anchorStatus: { not: "ORPHANED" } },
          select: carriedSelect,
        });
        const orphans = await tx.annotation.findMany({
          where: { articleId, anchorStatus: "ORPHANED" },
          select: carriedSelect,
        });
        const refound = orphans.flatMap((row) => {
          const place = findOrphanAgain(content.text, row);
          return place ? [{ row, ...place }] : [];
        });
        const carried = reanchor(oldText, content.text, rows);
        const counts = countOutcomes(carried);
        counts.anchored += refound.length;
        const revision = await tx.articleRevision.create({
          data: {
            articleId,
            number: current.number + 1,
            text: content.text,
            blocks: JSON.stringify(content.blocks),
            note,
            anchoredCount: counts.anchored,
            changedCount: counts.changed,
            orphanedCount: counts.orphaned,
            createdById: actor.id,
          },
        });
        const { version } = await tx.article.update({
          where: { id: articleId },
          data: { currentRevisionId: revision.id, version: { increment: 1 }, updatedAt: at },
          select: { version: true },
        });
        // Before the annotations' rows: on PostgreSQL it takes the article's event lock (record-audit-event.ts).
        await recordAuditEvent(tx, {
          articleId,
          actorId: actor.id,
          action: AUDIT.article.revised,
          payload: {
            revisionId: revision.id,
            number: revision.number,
            note: revision.note,
            characters: content.text.length,
            version,
            ...counts,
          },
        });
        await carryAnnotations(tx, {
          rows,
          carried,
          refound,
          newText: content.text,
          revision,
          articleId,
          actorId: actor.id,
        });
        return {
          revision: {
            id: revision.id,
            number: revision.number,
            text: revision.text,
            blocks: content.blocks,
            note: revision.note,
            createdAt: revision.createdAt.toISOString(),
          },
          reanchoring: counts,
        };
      },
      // Thousands of annotations on a long article: more than the 5 s default allows on a busy machine.
      { timeout: 60_000 },
    );
    return { ...answer, annotations: await loadAnnotationViews(db, articleId) };
  },
);

function newerRevision(current: { id: string; number: number }) {
  return new AppError(
    "CONFLICT",
    `The article has a newer revision (${current.number}) than the one you revised; reload it and compare.`,
    { current },
  );
}

async function currentRevisionOf(tx: Pick<Db, "article">, articleId: string) {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { currentRevision: { select: { id: true, number: true } } },
  });
  return article.currentRevision!;
}
