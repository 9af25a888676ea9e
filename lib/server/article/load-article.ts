import type { Block } from "../../domain/article";
import type { Db } from "../../db/client";
import { loadAnnotationSummaries, loadAnnotationViews, type AnnotationsReader } from "./article-annotations";
import {
  toReviewView,
  type ArticleSummaryView,
  type ArticleView,
  type RevisionSummary,
} from "../../views/article-view";
import { AppError } from "../shared/errors";
import { isRecordNotFound } from "../shared/prisma-errors";

type Reader = Pick<Db, "article" | "articleRevision"> & AnnotationsReader;

/**
 * The article with its current revision, its revision history and its
 * annotations, or NOT_FOUND: seven queries whatever the number of annotations,
 * none with a parameter per row (the article's own includes are of one row
 * each; loadAnnotationViews).
 */
export async function loadArticleView(db: Reader, id: string): Promise<ArticleView> {
  return loadArticleWith(db, id, loadAnnotationViews(db, id));
}

/** The article as loadArticleView gives it, each annotation as its summary (the workbench page's: decision 028). */
export async function loadArticleSummaryView(db: Reader, id: string): Promise<ArticleSummaryView> {
  return loadArticleWith(db, id, loadAnnotationSummaries(db, id));
}

async function loadArticleWith<A>(
  db: Reader,
  id: string,
  annotationsRead: Promise<A[]>,
): Promise<Omit<ArticleView, "annotations"> & { annotations: A[] }> {
  const [article, annotations, history] = await Promise.all([
    db.article.findUnique({
      where: { id },
      include: {
        currentRevision: true,
        createdBy: { select: { id: true, name: true } },
        signOffs: {
          where: { decision: "APPROVED" },
          orderBy: { createdAt: "desc" },
          take: 1,
          include: { reviewer: { select: { id: true, name: true } } },
        },
      },
    }),
    annotationsRead,
    loadRevisionHistory(db, id),
  ]);
  if (!article || !article.currentRevision) throw new AppError("NOT_FOUND", "No such article.");
  const revision = article.currentRevision;
  return {
    id: article.id,
    title: article.title,
    sourceUrl: article.sourceUrl,
    publisher: article.publisher,
    author: article.author,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    modifiedAt: article.modifiedAt?.toISOString() ?? null,
    language: article.language,
    publicUrl: article.publicUrl,
    status: article.status,
    version: article.version,
    createdBy: article.createdBy,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    revision: {
      id: revision.id,
      number: revision.number,
      text: revision.text,
      blocks: JSON.parse(revision.blocks) as Block[],
      note: revision.note,
      createdAt: revision.createdAt.toISOString(),
    },
    history,
    annotations,
    signOff: article.status === "SIGNED_OFF" ? toReviewView(article.signOffs[0]) : null,
  };
}

/** Every revision of the article without its text, oldest first. */
export async function loadRevisionHistory(
  db: Pick<Db, "articleRevision">,
  articleId: string,
): Promise<RevisionSummary[]> {
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      note: true,
      createdAt: true,
      anchoredCount: true,
      changedCount: true,
      orphanedCount: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    reanchoring: { anchored: row.anchoredCount, changed: row.changedCount, orphaned: row.orphanedCount },
  }));
}

const lockedError = () =>
  new AppError("LOCKED", "This article is signed off and read-only; a reviewer must reopen it first.");

/** A signed-off article is read-only until a reviewer reopens it. */
export function assertEditable(article: { status: string }): void {
  if (article.status === "SIGNED_OFF") throw lockedError();
}

/**
 * Records activity on an article that a change is about to touch, refusing
 * (LOCKED) when it is signed off, and returns its current revision: the check,
 * the write and the read in one statement, since every change to an
 * annotation needs all three. Inside the change's transaction, so a later
 * refusal undoes it. NOT_FOUND when there is no such article.
 */
export async function touchEditableArticle(
  tx: Pick<Db, "article">,
  articleId: string,
  at = new Date(),
): Promise<{ currentRevisionId: string }> {
  try {
    const { currentRevisionId } = await tx.article.update({
      where: { id: articleId, status: { not: "SIGNED_OFF" } },
      data: { updatedAt: at },
      select: { currentRevisionId: true },
    });
    if (currentRevisionId) return { currentRevisionId };
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
  }
  // Refused: say why (the rare path, so it may cost a read).
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { status: true, currentRevisionId: true },
  });
  if (!article?.currentRevisionId) throw new AppError("NOT_FOUND", "No such article.");
  throw lockedError();
}
