import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { createArticle } from "@/lib/server/article/create-article";
import { testProvider } from "./test-database";

/**
 * A long article (#14): about 50,000 words in 1,175 paragraphs, text built so
 * that every word is unique (quotes anchor without ambiguity).
 */
export function longText(paragraphs = 1_175, wordsPerParagraph = 43): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    for (let w = 0; w < wordsPerParagraph; w++) words.push(`w${p}x${w}`);
    out.push(`${words.join(" ")}.`);
  }
  return out.join("\n\n");
}

export type LongArticle = {
  articleId: string;
  revisionId: string;
  ids: string[];
  kinds: ("CLAIM" | "DENIAL" | "ANALYSIS")[];
};

/** Rows per createMany: Prisma slices a createMany into statements under the parameter limit itself; this only bounds one call's memory. */
const SEED_CHUNK = 2_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_CHUNK) await write(rows.slice(i, i + SEED_CHUNK));
}

/**
 * Seeds `count` annotations straight into the tables (the use cases would take
 * minutes for 10,000): one word each in reading order, every fifth one a
 * seven-word span that encloses the one before it (20 % nested); nine in
 * ten kinds are claims or denials (each denial denies the claim before it),
 * the rest analyses. All rated and APPROVED by `reviewer` (some after an
 * earlier "changes requested"), except the first `submitted`, left SUBMITTED
 * for a review to decide. Every fourth has two sources; every seventh an
 * editor (`editor2`); every hundredth a comment.
 */
export async function seedLongArticle(
  db: Db,
  {
    author,
    editor2,
    reviewer,
    count,
    submitted = 0,
    title = "Long article",
  }: { author: Actor; editor2: Actor; reviewer: Actor; count: number; submitted?: number; title?: string },
): Promise<LongArticle> {
  const text = longText();
  const created = await createArticle(db, { actor: author, input: { title, text } });
  const articleId = created.id;
  const revisionId = created.revision.id;
  const words = [...text.matchAll(/w\d+x\d+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  if (count * 5 + 5 > words.length) throw new Error(`the text has too few words for ${count} annotations`);
  const base = randomBytes(16).toString("hex").slice(0, 17);
  const idOf = (i: number) => `c${base}${i.toString(36).padStart(7, "0")}`;
  const numbers = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  const ids: string[] = [];
  const kinds: LongArticle["kinds"] = [];
  const t0 = Date.UTC(2026, 0, 1);
  const annotations = [];
  for (let i = 0; i < count; i++) {
    const kind: LongArticle["kinds"][number] = i % 10 === 9 ? "ANALYSIS" : i % 10 === 8 ? "DENIAL" : "CLAIM";
    const first = i % 5 === 4 ? words[i * 5 - 5] : words[i * 5];
    const last = i % 5 === 4 ? words[i * 5 + 1] : words[i * 5];
    const start = first.start;
    const end = last.end;
    const id = idOf(i);
    ids.push(id);
    kinds.push(kind);
    annotations.push({
      id,
      articleId,
      revisionId,
      kind,
      number: ++numbers[kind],
      start,
      end,
      quote: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      note: i % 3 === 0 ? `note ${i}` : "",
      verdict:
        kind === "ANALYSIS"
          ? null
          : i % 20 === 1
            ? null
            : (["FALSE", "MISLEADING", "TRUE", "MOSTLY_TRUE"] as const)[i % 4],
      notRatedReason: kind !== "ANALYSIS" && i % 20 === 1 ? "Not checkable" : null,
      rationale: kind === "ANALYSIS" ? null : `rationale ${i}`,
      deniesId: kind === "DENIAL" ? idOf(i - 1) : null,
      status: i < submitted ? ("SUBMITTED" as const) : ("APPROVED" as const),
      createdById: author.id,
      createdAt: new Date(t0 + i * 1000),
    });
  }
  const sources = ids.flatMap((annotationId, i) =>
    i % 4 === 0
      ? [0, 1].map((position) => ({
          annotationId,
          position,
          url: `https://example.org/source/${i}/${position}`,
          title: `Source ${i}.${position}`,
          accessedAt: new Date(t0),
        }))
      : [],
  );
  const annotationRows = annotations; // A settled type: TypeScript cannot follow a pushed-to array into a closure.
  await withoutFtsInsertTriggers(db, articleId, async () => {
    await inChunks(annotationRows, (data) => db.annotation.createMany({ data }));
    await inChunks(sources, (data) => db.source.createMany({ data }));
  });
  await db.article.update({
    where: { id: articleId },
    data: {
      lastClaimNumber: numbers.CLAIM,
      lastDenialNumber: numbers.DENIAL,
      lastAnalysisNumber: numbers.ANALYSIS,
      status: "IN_REVIEW",
    },
  });

  const reviews = ids.flatMap((annotationId, i) =>
    i < submitted
      ? []
      : [
          ...(i % 10 === 3
            ? [
                {
                  annotationId,
                  reviewerId: reviewer.id,
                  decision: "CHANGES_REQUESTED" as const,
                  note: `fix ${i}`,
                  createdAt: new Date(t0 + i * 1000 + 1),
                },
              ]
            : []),
          {
            annotationId,
            reviewerId: reviewer.id,
            decision: "APPROVED" as const,
            note: i % 10 === 3 ? `ok now ${i}` : null,
            createdAt: new Date(t0 + i * 1000 + 2),
          },
        ],
  );
  await inChunks(reviews, (data) => db.signOff.createMany({ data }));
  const editors = ids.flatMap((annotationId, i) =>
    i >= submitted && i % 7 === 0 ? [{ annotationId, userId: editor2.id, createdAt: new Date(t0 + i * 1000) }] : [],
  );
  await inChunks(editors, (data) => db.annotationEditor.createMany({ data }));
  const comments = ids.flatMap((annotationId, i) =>
    i % 100 === 0 ? [{ annotationId, authorId: reviewer.id, body: `comment on ${i}` }] : [],
  );
  await inChunks(comments, (data) => db.comment.createMany({ data }));
  return { articleId, revisionId, ids, kinds };
}

/**
 * PostgreSQL: the full-text index's insert triggers (docs/decisions/029) refresh an annotation's
 * row once per annotation and again per source, each refresh its own statement: most of the
 * 10,000-annotation seed's time. They are off while `write` bulk-inserts (this test database
 * only), then the article's rows are refreshed in one statement by the function the triggers
 * call, so the index ends as the triggers would have left it. SQLite's triggers are cheap: left on.
 */
async function withoutFtsInsertTriggers(db: Db, articleId: string, write: () => Promise<void>): Promise<void> {
  if (testProvider() !== "postgresql") return write();
  const triggers = async (on: "ENABLE" | "DISABLE") => {
    await db.$executeRawUnsafe(`ALTER TABLE "Annotation" ${on} TRIGGER "AnnotationFts_annotation_insert"`);
    await db.$executeRawUnsafe(`ALTER TABLE "Source" ${on} TRIGGER "AnnotationFts_source_insert"`);
  };
  await triggers("DISABLE");
  try {
    await write();
  } finally {
    await triggers("ENABLE");
  }
  await db.$executeRaw`SELECT "annotation_fts_refresh"("id") FROM "Annotation" WHERE "articleId" = ${articleId}`;
}
