import { diffRevisions, type DiffOp } from "../../anchoring/reanchor";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { ZRevisionDiffQuery } from "../../schemas/articles";
import { AppError, invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { revisionText } from "./revision-text";

type RevisionRef = { id: string; number: number; note: string | null; createdAt: string };
export type RevisionDiff = { from: RevisionRef; to: RevisionRef; ops: DiffOp[] };

/**
 * What changed between two revisions of an article, by number, as the diff
 * re-anchoring maps spans through (so the view shows what the anchors saw).
 * Any two, either way round; 422 naming `from` or `to` when it is not one of
 * the article's revisions.
 */
export async function diffArticleRevisions(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<RevisionDiff> {
  requirePermission(actor, "read:article");
  const { from, to } = ZRevisionDiffQuery.parse(input);
  const [article, rows] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { id: true } }),
    db.articleRevision.findMany({
      where: { articleId, number: { in: [...new Set([from, to])] } },
      select: { id: true, number: true, note: true, createdAt: true },
    }),
  ]);
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const pick = (field: "from" | "to", number: number): RevisionRef => {
    const row = rows.find((revision) => revision.number === number);
    if (!row) throw invalid(field, `is not a revision of this article (revision ${number})`);
    return { id: row.id, number: row.number, note: row.note, createdAt: row.createdAt.toISOString() };
  };
  const a = pick("from", from);
  const b = pick("to", to);
  const [oldText, newText] = await Promise.all([revisionText(db, a.id), revisionText(db, b.id)]);
  return { from: a, to: b, ops: diffRevisions(oldText, newText) };
}
