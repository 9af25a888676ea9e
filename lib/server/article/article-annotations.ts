import type { Db } from "../../db/client";
import { inChunks } from "../../db/chunked";
import {
  toAnnotationView,
  toSummaryFromRow,
  type AnnotationSummary,
  type AnnotationView,
} from "../../views/article-view";

export type AnnotationsReader = Pick<Db, "annotation" | "source" | "signOff" | "annotationEditor" | "user">;

/** Pushes `row` onto the list kept for `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, row: V): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/**
 * Every annotation of the article as an AnnotationView, in reading order, in
 * five queries whatever their number (docs/decisions/019-no-parameter-ceiling.md):
 * the annotations, then their sources, reviews and editors, each ONE query
 * filtered by the article (a subquery, not a list of ids), grouped here by
 * annotation id; then the few people named, by id. A Prisma `include` of these
 * relations would put one parameter per annotation into an `IN (…)` list,
 * which SQLite refuses from 998 annotations on (P2029).
 */
const READING_ORDER = [{ start: "asc" }, { end: "desc" }, { id: "asc" }] as const;

export async function loadAnnotationViews(db: AnnotationsReader, articleId: string): Promise<AnnotationView[]> {
  const ofArticle = { annotation: { articleId } };
  const [annotations, sources, reviews, editors] = await Promise.all([
    db.annotation.findMany({ where: { articleId }, orderBy: [...READING_ORDER] }),
    db.source.findMany({ where: ofArticle, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    // Newest first, so an annotation's first one is its last review.
    db.signOff.findMany({
      where: ofArticle,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { annotationId: true, decision: true, note: true, createdAt: true, reviewerId: true },
    }),
    db.annotationEditor.findMany({
      where: ofArticle,
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      select: { annotationId: true, userId: true },
    }),
  ]);

  const sourcesOf = new Map<string, (typeof sources)[number][]>();
  for (const source of sources) push(sourcesOf, source.annotationId, source);
  const lastReviewOf = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews)
    if (review.annotationId && !lastReviewOf.has(review.annotationId)) lastReviewOf.set(review.annotationId, review);
  const editorsOf = new Map<string, { userId: string }[]>();
  for (const editor of editors) push(editorsOf, editor.annotationId, { userId: editor.userId });

  const person = await people(db, [
    ...annotations.map((row) => row.createdById),
    ...[...lastReviewOf.values()].map((row) => row.reviewerId),
  ]);

  return annotations.map((row) => {
    const review = lastReviewOf.get(row.id);
    return toAnnotationView({
      ...row,
      createdBy: person(row.createdById),
      sources: sourcesOf.get(row.id) ?? [],
      signOffs: review
        ? [
            {
              decision: review.decision,
              note: review.note,
              createdAt: review.createdAt,
              reviewer: person(review.reviewerId),
            },
          ]
        : [],
      editors: editorsOf.get(row.id) ?? [],
    });
  });
}

/** Id and name by id. An article's authors and reviewers are a handful of people; inChunks keeps even a crowd under the limit. */
async function people(db: Pick<Db, "user">, ids: string[]): Promise<(id: string) => { id: string; name: string }> {
  const users = await inChunks([...new Set(ids)], (chunk) =>
    db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }),
  );
  const userById = new Map(users.map((user) => [user.id, user]));
  return (id) => userById.get(id) ?? { id, name: "" };
}

/**
 * Every annotation of the article as its summary (AnnotationSummary, for the
 * workbench page: decision 028), in reading order: the annotations without
 * their long text, and their editors (the four-eyes rule needs them), each one
 * query filtered by the article as loadAnnotationViews does; then the authors.
 * No sources, reviews or free text: those are read when one is opened.
 */
export async function loadAnnotationSummaries(
  db: Pick<Db, "annotation" | "annotationEditor" | "user">,
  articleId: string,
): Promise<AnnotationSummary[]> {
  const [annotations, editors] = await Promise.all([
    db.annotation.findMany({
      where: { articleId },
      orderBy: [...READING_ORDER],
      select: {
        id: true,
        articleId: true,
        revisionId: true,
        anchorStatus: true,
        anchorScore: true,
        previousQuote: true,
        kind: true,
        number: true,
        start: true,
        end: true,
        quote: true,
        prefix: true,
        suffix: true,
        speaker: true,
        verdict: true,
        notRatedReason: true,
        deniesId: true,
        status: true,
        version: true,
        basedOnChangedAt: true,
        createdById: true,
      },
    }),
    db.annotationEditor.findMany({
      where: { annotation: { articleId } },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      select: { annotationId: true, userId: true },
    }),
  ]);
  const editorsOf = new Map<string, string[]>();
  for (const editor of editors) push(editorsOf, editor.annotationId, editor.userId);
  const person = await people(
    db,
    annotations.map((row) => row.createdById),
  );
  return annotations.map((row) => toSummaryFromRow(row, person(row.createdById), editorsOf.get(row.id) ?? []));
}
