import { cuidLike } from "./cuid-like";
import { quoteAt } from "../../../lib/anchoring/selector";
import type { Actor } from "../../../lib/domain/actor";
import { addRevision } from "../../../lib/server/article/add-revision";
import { createArticle } from "../../../lib/server/article/create-article";
import { freshDatabase } from "./collab-setup";

export type RevisionRequestCase = { oldText: string; newText: string; spans: { start: number; end: number }[] };
export type RevisionRequestTiming = { ms: number; anchored: number; changed: number; orphaned: number };

/** Rows per createMany: an annotation row has about 15 values, well under SQLite's parameter cap. */
const ROWS_PER_INSERT = 40;

/**
 * The whole `POST /api/v1/articles/:id/revisions` minus HTTP: a fresh database
 * of `provider`, an article on `oldText` with the spans as claims (inserted
 * straight into the table, as the workbench bench seeds), then ONE timed
 * addRevision call with `newText` — the use case with its reads, the
 * re-anchoring and every write, in its transaction, and the answer's read of
 * every annotation. The database is dropped afterwards.
 */
export async function timeAddRevision(
  provider: "sqlite" | "postgresql",
  c: RevisionRequestCase,
): Promise<RevisionRequestTiming> {
  const database = await freshDatabase(provider);
  try {
    const { db } = database;
    const row = await db.user.create({
      data: { email: "reviser@bench.example", name: "Rita Reviser", role: "EDITOR" },
    });
    const actor: Actor = { id: row.id, email: row.email, name: row.name, role: "EDITOR", via: "session" };
    const article = await createArticle(db, { actor, input: { title: "Revision bench", text: c.oldText } });
    if (article.revision.text !== c.oldText)
      throw new Error("the import changed the old text: the spans would not fit");
    const rows = c.spans.map((span, i) => ({
      id: cuidLike(),
      articleId: article.id,
      revisionId: article.revision.id,
      kind: "CLAIM" as const,
      number: i + 1,
      start: span.start,
      end: span.end,
      ...quoteAt(c.oldText, span.start, span.end),
      createdById: actor.id,
    }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await db.annotation.createMany({ data: rows.slice(i, i + ROWS_PER_INSERT) });
    await db.article.update({ where: { id: article.id }, data: { lastClaimNumber: rows.length } });

    const started = performance.now();
    const { reanchoring } = await addRevision(db, {
      actor,
      articleId: article.id,
      input: { text: c.newText, note: "bench revision", baseRevisionId: article.revision.id },
    });
    return { ms: performance.now() - started, ...reanchoring };
  } finally {
    await database.close();
  }
}
