import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteAt } from "@/lib/anchoring/selector";
import type { Actor } from "@/lib/domain/actor";
import { describeAuditEvent } from "@/lib/domain/audit-text";
import { providerOf } from "@/lib/db/client";
import { eventsSince } from "@/lib/realtime/article-events";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { addRevision } from "@/lib/server/article/add-revision";
import { createArticle } from "@/lib/server/article/create-article";
import { diffArticleRevisions } from "@/lib/server/article/diff-revisions";
import { getArticle } from "@/lib/server/article/get-article";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { createComment } from "@/lib/server/comment/create-comment";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { AppError } from "@/lib/server/shared/errors";
import { createActor } from "../support/actors";
import { refusal } from "../support/refusal";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// #16: a new revision of an article carries every annotation across it, in one transaction.
const provider = testProvider();
const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");

const BEFORE = "The United States will try to persuade China";
const KEPT = "Jake Sullivan, the US national security adviser";
const CHANGED = "Yang Jiechi, in the Italian capital";
const GONE_SENTENCE =
  "The Biden White House is keen to prevent the war in Ukraine from further cementing a division of the world into two opposing blocs.\n\n";
const GONE = "The Biden White House is keen to prevent the war in Ukraine";
const INSERTED = "Update: the meeting was confirmed by both governments on Monday.\n\n";

/** The seed with a paragraph added after the first one, a place name corrected and a paragraph deleted. */
const revised = seed
  .replace("Jake Sullivan, the US", `${INSERTED}Jake Sullivan, the US`)
  .replace("in the Italian capital", "in the Italian city")
  .replace(GONE_SENTENCE, "");

let t: MigratedTestDatabase;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
});
afterAll(() => t?.close());

const span = (phrase: string, text = seed) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return { start, end: start + phrase.length };
};

/** An article on the seed text with a claim before every edit, one after the insertion, one on corrected words, one on a deleted paragraph. */
async function seededArticle() {
  const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Rome", text: seed } })).id;
  const make = (input: Record<string, unknown>) => createAnnotation(t.db, { actor: editor, articleId, input });
  const before = await make({ kind: "CLAIM", ...span(BEFORE), verdict: "TRUE" });
  const kept = await make({
    kind: "CLAIM",
    ...span(KEPT),
    verdict: "TRUE",
    sources: [{ url: "https://example.org/sullivan" }],
  });
  const changed = await make({ kind: "CLAIM", ...span(CHANGED), verdict: "MIXED" });
  const gone = await make({ kind: "CLAIM", ...span(GONE), verdict: "FALSE" });
  const denial = await make({
    kind: "DENIAL",
    ...span("spreading “malicious disinformation”"),
    verdict: "FALSE",
    deniesId: gone.id,
  });
  await createComment(t.db, {
    actor: reviewer,
    annotationId: gone.id,
    input: { body: "Check the White House readout." },
  });
  return { articleId, before, kept, changed, gone, denial };
}

async function approve(annotationId: string) {
  await submitAnnotation(t.db, { actor: editor, annotationId, input: {} });
  return reviewAnnotation(t.db, { actor: reviewer, annotationId, input: { decision: "APPROVE" } });
}

/** Everything a revision writes, to compare before and after a refusal. */
async function snapshot(articleId: string) {
  const [article, revisions, annotations, audit, editors] = await Promise.all([
    t.db.article.findUniqueOrThrow({ where: { id: articleId } }),
    t.db.articleRevision.findMany({ where: { articleId }, orderBy: { number: "asc" } }),
    t.db.annotation.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    t.db.auditEvent.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    t.db.annotationEditor.findMany({ where: { annotation: { articleId } }, orderBy: { annotationId: "asc" } }),
  ]);
  return { article, revisions, annotations, audit, editors };
}

describe(`a new revision on ${provider}`, () => {
  it("carries each annotation: kept, moved, changed (back to draft, old words kept), orphaned (left where it was)", async () => {
    const a = await seededArticle();
    await approve(a.changed.id);
    const original = await getArticle(t.db, { actor: editor, articleId: a.articleId });

    const answer = await addRevision(t.db, {
      actor: editor,
      articleId: a.articleId,
      input: { text: revised, note: "Place name corrected", baseRevisionId: original.revision.id },
    });
    expect(answer.revision).toMatchObject({ number: 2, text: revised, note: "Place name corrected" });
    expect(answer.reanchoring).toEqual({ anchored: 3, changed: 1, orphaned: 1 });

    const byId = new Map(answer.annotations.map((view) => [view.id, view]));
    // Orphans included: every annotation of the article, orphaned or not.
    expect(answer.annotations).toHaveLength(5);
    const before = byId.get(a.before.id)!;
    expect(before).toMatchObject({
      ...span(BEFORE, revised),
      quote: BEFORE,
      revisionId: answer.revision.id,
      version: 1,
    });
    expect(before.anchor).toEqual({ status: "ANCHORED", score: 1 });
    const kept = byId.get(a.kept.id)!;
    expect(kept).toMatchObject({ ...span(KEPT, revised), quote: KEPT, revisionId: answer.revision.id, version: 2 });
    // Their words did not change, so neither did their updatedAt (the review queue's "submitted at").
    const was = new Map(original.annotations.map((view) => [view.id, view.updatedAt]));
    expect(before.updatedAt).toBe(was.get(a.before.id));
    expect(kept.updatedAt).toBe(was.get(a.kept.id));
    expect(kept.sources.map((source) => source.url)).toEqual(["https://example.org/sullivan"]);
    expect(revised.slice(kept.start, kept.end)).toBe(KEPT);

    const changed = byId.get(a.changed.id)!;
    expect(changed.anchor.status).toBe("CHANGED");
    expect(changed.anchor.score).toBeGreaterThan(0);
    expect(changed.anchor.score).toBeLessThan(1);
    expect(changed.quote).toBe("Yang Jiechi, in the Italian city");
    expect(revised.slice(changed.start, changed.end)).toBe(changed.quote);
    expect(changed.previousQuote).toBe(CHANGED);
    // Approved before: a change of substance sends it back, but the reviser chose no words, so they may still review it.
    expect(changed.status).toBe("DRAFT");
    expect(changed.editorIds).toEqual([]);

    const gone = byId.get(a.gone.id)!;
    expect(gone).toMatchObject({ ...span(GONE), quote: GONE, revisionId: original.revision.id, status: "ORPHANED" });
    expect(gone.anchor).toEqual({ status: "ORPHANED", score: 0 });
    // Links and comments stay with the row.
    expect(byId.get(a.denial.id)!.deniesId).toBe(gone.id);
    expect(await t.db.comment.count({ where: { annotationId: gone.id } })).toBe(1);

    const view = await getArticle(t.db, { actor: editor, articleId: a.articleId });
    expect(view.revision).toMatchObject({ id: answer.revision.id, number: 2, note: "Place name corrected" });
    expect(view.version).toBe(original.version + 1);
    expect(view.annotations.map((annotation) => annotation.id).sort()).toEqual([...byId.keys()].sort());
    expect(view.history.map((entry) => entry.reanchoring)).toEqual([
      { anchored: 0, changed: 0, orphaned: 0 },
      { anchored: 3, changed: 1, orphaned: 1 },
    ]);

    // One article.revised; one annotation.reanchored for each that moved, changed or was orphaned (not `before`).
    const audit = await t.db.auditEvent.findMany({
      where: { articleId: a.articleId, action: { in: ["article.revised", "annotation.reanchored"] } },
      orderBy: { id: "asc" },
      include: { actor: { select: { name: true } } },
    });
    expect(audit.map((row) => row.action)).toEqual(["article.revised", ...Array(4).fill("annotation.reanchored")]);
    expect(JSON.parse(audit[0].payload)).toMatchObject({
      revisionId: answer.revision.id,
      number: 2,
      note: "Place name corrected",
      characters: revised.length,
      anchored: 3,
      changed: 1,
      orphaned: 1,
    });
    const told = new Map(
      audit
        .slice(1)
        .map((row) => [row.annotationId, describeAuditEvent({ ...row, payload: JSON.parse(row.payload) }, "claim")]),
    );
    expect(told.has(a.before.id)).toBe(false);
    expect(told.get(a.kept.id)).toBe("Claim moved in revision 2");
    expect(told.get(a.changed.id)).toBe(
      "Claim had its words changed in revision 2: ‘Yang Jiechi, in the Italian capital’ → ‘Yang Jiechi, in the Italian city’; it went back from approved to draft",
    );
    expect(told.get(a.gone.id)).toBe("Claim could not be placed in revision 2");

    // The stream tells the other editors once; the reanchored rows only move their cursor, in one event.
    const { events } = await eventsSince(t.db, a.articleId, audit[0].id - 1, 50);
    expect(events[0]).toMatchObject({
      event: "article.revised",
      data: {
        revision: { id: answer.revision.id, number: 2, note: "Place name corrected" },
        reanchoring: { anchored: 3, changed: 1, orphaned: 1 },
        version: view.version,
      },
    });
    expect(events.slice(1).map((event) => event.event)).toEqual(["noop"]);
    expect(events[1].id).toBe(audit.at(-1)!.id);

    // The diff between the two, by number, and 422 naming a number that is not a revision.
    const diff = await diffArticleRevisions(t.db, {
      actor: editor,
      articleId: a.articleId,
      input: { from: "1", to: "2" },
    });
    expect(diff.from.number).toBe(1);
    expect(diff.to.id).toBe(answer.revision.id);
    expect(
      diff.ops
        .filter((op) => op.op !== "insert")
        .map((op) => op.text)
        .join(""),
    ).toBe(seed);
    expect(
      diff.ops
        .filter((op) => op.op !== "delete")
        .map((op) => op.text)
        .join(""),
    ).toBe(revised);
    expect(diff.ops.some((op) => op.op === "delete" && op.text.includes("Biden White House"))).toBe(true);
    expect(
      await refusal(diffArticleRevisions(t.db, { actor: editor, articleId: a.articleId, input: { from: 1, to: 3 } })),
    ).toMatchObject({ code: "INVALID", fields: ["to"] });
  });

  it("places an orphan by its new span, and an approval ends a changed one's cue; sign-off ignores orphans", async () => {
    const a = await seededArticle();
    const second = await addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } });
    const orphan = second.annotations.find((view) => view.id === a.gone.id)!;
    expect(await refusal(submitAnnotation(t.db, { actor: editor, annotationId: orphan.id, input: {} }))).toMatchObject({
      code: "CONFLICT",
    });

    // Approving the changed claim: ANCHORED again, the old words dropped.
    const approved = await approve(a.changed.id);
    expect(approved.anchor).toEqual({ status: "ANCHORED", score: 1 });
    expect(approved.previousQuote).toBeNull();
    expect(approved.status).toBe("APPROVED");

    // The rest approved; the orphan (unplaced, still a FALSE claim) does not stop the sign-off.
    for (const id of [a.before.id, a.kept.id, a.denial.id]) await approve(id);
    const signed = await signOffArticle(t.db, { actor: reviewer, articleId: a.articleId, input: {} });
    expect(signed.status).toBe("SIGNED_OFF");

    // Reopened by a reviewer's revision; then an editor places the orphan on words of the current revision.
    const third = await addRevision(t.db, {
      actor: reviewer,
      articleId: a.articleId,
      input: { text: `${revised}\n\nCorrection appended at 14:00.`, note: "correction appended at 14:00" },
    });
    expect(third.revision.number).toBe(3);
    const stillOrphan = third.annotations.find((view) => view.id === a.gone.id)!;
    // Not re-diffed: still on revision 1, as it was.
    expect(stillOrphan).toMatchObject({ revisionId: orphan.revisionId, start: orphan.start, version: orphan.version });
    const target = "Sullivan and Yang will also follow through";
    const placed = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: orphan.id,
      input: { version: stillOrphan.version, ...span(target, revised), quote: target },
    });
    expect(placed).toMatchObject({
      revisionId: third.revision.id,
      quote: target,
      ...span(target, revised),
      status: "DRAFT",
      anchor: { status: "ANCHORED", score: 1 },
      previousQuote: null,
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { annotationId: orphan.id },
      orderBy: { id: "desc" },
      include: { actor: { select: { name: true } } },
    });
    expect(event.action).toBe("annotation.placed");
    expect(describeAuditEvent({ ...event, payload: JSON.parse(event.payload) }, "claim C4")).toBe(
      "Claim C4 was placed by ed in revision 3 on ‘Sullivan and Yang will also follow through’; it went back from orphaned to draft",
    );
    // A quote that does not match the current revision is refused by name.
    expect(
      await refusal(
        updateAnnotation(t.db, {
          actor: editor,
          annotationId: orphan.id,
          input: { version: placed.version, ...span(target, revised), quote: "something else" },
        }),
      ),
    ).toMatchObject({ code: "INVALID", fields: ["quote"] });
  });

  it("refuses a stale base revision (409 naming the current one), the same text (422) and an editor on a signed-off article (LOCKED)", async () => {
    const a = await seededArticle();
    const first = (await getArticle(t.db, { actor: editor, articleId: a.articleId })).revision;
    const second = await addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } });
    const before = await snapshot(a.articleId);
    expect(
      await refusal(
        addRevision(t.db, {
          actor: editor,
          articleId: a.articleId,
          input: { text: `${revised} More.`, baseRevisionId: first.id },
        }),
      ),
    ).toMatchObject({ code: "CONFLICT", details: { current: { id: second.revision.id, number: 2 } } });
    expect(
      await refusal(addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } })),
    ).toMatchObject({ code: "INVALID", fields: ["text"] });
    expect(
      await refusal(addRevision(t.db, { actor: editor, articleId: a.articleId, input: { html: "<p> </p>" } })),
    ).toMatchObject({ code: "INVALID", fields: ["html"] });
    expect(
      await refusal(
        addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: "x", note: "two\nlines" } }),
      ),
    ).toMatchObject({ code: "INVALID", fields: ["note"] });
    expect(
      await refusal(
        addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: "x", html: "<p>x</p>" } }),
      ),
    ).toMatchObject({ code: "INVALID", fields: ["html"] });
    expect(await snapshot(a.articleId)).toEqual(before);

    // Signed off: an editor may not revise it; a reviewer may, and it reopens with the reason.
    const b = await seededArticle();
    for (const id of [b.before.id, b.kept.id, b.changed.id, b.gone.id, b.denial.id]) await approve(id);
    await signOffArticle(t.db, { actor: reviewer, articleId: b.articleId, input: {} });
    const signed = await snapshot(b.articleId);
    expect(
      await refusal(addRevision(t.db, { actor: editor, articleId: b.articleId, input: { text: revised } })),
    ).toMatchObject({ code: "LOCKED" });
    expect(await snapshot(b.articleId)).toEqual(signed);
    await addRevision(t.db, { actor: reviewer, articleId: b.articleId, input: { text: revised } });
    const reopened = await getArticle(t.db, { actor: reviewer, articleId: b.articleId });
    expect(reopened.status).toBe("REOPENED");
    const reopenedEvent = await t.db.auditEvent.findFirstOrThrow({
      where: { articleId: b.articleId, action: "article.reopened" },
    });
    expect(JSON.parse(reopenedEvent.payload)).toMatchObject({
      from: "SIGNED_OFF",
      to: "REOPENED",
      note: "source article revised",
    });
    const { events } = await eventsSince(t.db, b.articleId, reopenedEvent.id - 1, 10);
    expect(events.slice(0, 2).map((event) => event.event)).toEqual(["article.status", "article.revised"]);

    // An orphan edited (back to draft) is still not in the text: it cannot go to review until it is placed.
    const orphan = (await getArticle(t.db, { actor: editor, articleId: b.articleId })).annotations.find(
      (view) => view.id === b.gone.id,
    )!;
    const edited = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: orphan.id,
      input: { version: orphan.version, verdict: "MISLEADING" },
    });
    expect(edited).toMatchObject({ status: "DRAFT", anchor: { status: "ORPHANED", score: 0 } });
    expect(await refusal(submitAnnotation(t.db, { actor: editor, annotationId: orphan.id, input: {} }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/not placed in the current revision/),
    });
  });

  it("keeps a changed annotation's cue and its first old words through a later revision, until it is reviewed", async () => {
    const a = await seededArticle();
    await addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } });
    const third = await addRevision(t.db, {
      actor: editor,
      articleId: a.articleId,
      input: { text: `Editor's note: updated twice.\n\n${revised}` },
    });
    const changed = third.annotations.find((view) => view.id === a.changed.id)!;
    expect(changed).toMatchObject({
      revisionId: third.revision.id,
      quote: "Yang Jiechi, in the Italian city",
      previousQuote: CHANGED,
      anchor: { status: "CHANGED" },
    });
    expect(third.revision.text.slice(changed.start, changed.end)).toBe(changed.quote);
  });

  it("finds orphans again when a later revision brings their exact words back (a mistaken revision corrected), back to review", async () => {
    const a = await seededArticle();
    await approve(a.kept.id);
    // A wrong page pasted as revision 2 (a cookie wall): every annotation is orphaned.
    const wrong = await addRevision(t.db, {
      actor: editor,
      articleId: a.articleId,
      input: { text: "Before you continue\n\nWe use cookies to improve your experience.", note: "fetched again" },
    });
    expect(wrong.reanchoring).toEqual({ anchored: 0, changed: 0, orphaned: 5 });
    // Revision 3 is the article again, with a place name corrected and a paragraph cut: the three whose exact
    // words are back are found again.
    const right = await addRevision(t.db, {
      actor: editor,
      articleId: a.articleId,
      input: { text: revised, note: "the right page" },
    });
    expect(right.reanchoring).toEqual({ anchored: 3, changed: 0, orphaned: 0 });
    const byId = new Map(right.annotations.map((view) => [view.id, view]));
    const kept = byId.get(a.kept.id)!;
    expect(kept).toMatchObject({ revisionId: right.revision.id, quote: KEPT, status: "DRAFT" });
    expect(kept.anchor.status).toBe("ANCHORED");
    expect(revised.slice(kept.start, kept.end)).toBe(KEPT);
    // The cut paragraph's claim stays an orphan on revision 1; the corrected one's old words are gone, so it stays too.
    expect(byId.get(a.gone.id)!.anchor.status).toBe("ORPHANED");
    expect(byId.get(a.changed.id)!.anchor.status).toBe("ORPHANED");
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { annotationId: a.kept.id, action: "annotation.reanchored" },
      orderBy: { id: "desc" },
      include: { actor: { select: { name: true } } },
    });
    expect(describeAuditEvent({ ...event, payload: JSON.parse(event.payload) }, "claim C2")).toBe(
      "Claim C2 was found again in revision 3; it went back from orphaned to draft",
    );
  });

  it("of two revisions sent at once on the same base, one goes in and the other is 409 naming it", async () => {
    const a = await seededArticle();
    const base = (await getArticle(t.db, { actor: editor, articleId: a.articleId })).revision.id;
    const send = (text: string) =>
      refusal(addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text, baseRevisionId: base } }));
    const outcomes = await Promise.all([send(revised), send(`${seed}\n\nA late addition.`)]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    const view = await getArticle(t.db, { actor: editor, articleId: a.articleId });
    expect(view.history).toHaveLength(2);
    expect(outcomes.find((outcome) => outcome !== null)).toMatchObject({
      code: "CONFLICT",
      details: { current: { id: view.revision.id, number: 2 } },
    });
  });

  it("is all or nothing: a write that fails halfway leaves the article, revisions, annotations and audit as they were", async () => {
    const a = await seededArticle();
    const before = await snapshot(a.articleId);
    // The orphan's row is written among the last: everything before it must be undone too.
    const trigger = failingUpdateOf(a.gone.id);
    await trigger.create();
    try {
      const failed = await addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } }).then(
        () => null,
        (error: unknown) => error,
      );
      // The database's refusal (SQLite's RAISE reaches Prisma as a constraint error), not one of ours.
      expect(failed).toBeInstanceOf(Error);
      expect(failed).not.toBeInstanceOf(AppError);
    } finally {
      await trigger.drop();
    }
    expect(await snapshot(a.articleId)).toEqual(before);
    // And once the cause is gone, the same revision goes through.
    const answer = await addRevision(t.db, { actor: editor, articleId: a.articleId, input: { text: revised } });
    expect(answer.reanchoring).toEqual({ anchored: 3, changed: 1, orphaned: 1 });
  });
});

describe(`a revision of a long article on ${provider}`, () => {
  it("carries 1,200 annotations in slices (no statement over the parameter limit) with one audit row each", async () => {
    const sentence = "The council said the budget rose by four percent. ";
    const text = sentence.repeat(400);
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Long", text } })).id;
    const { currentRevisionId } = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    const words = [...text.matchAll(/\S+/g)].slice(0, 1200);
    const rows = words.map((word, i) => ({
      articleId,
      revisionId: currentRevisionId!,
      kind: "ANALYSIS" as const,
      number: i + 1,
      start: word.index,
      end: word.index + word[0].length,
      ...quoteAt(text, word.index, word.index + word[0].length),
      createdById: editor.id,
    }));
    for (let i = 0; i < rows.length; i += 100) await t.db.annotation.createMany({ data: rows.slice(i, i + 100) });

    const lead = "Corrected on Tuesday. ";
    const answer = await addRevision(t.db, { actor: editor, articleId, input: { text: lead + text } });
    expect(answer.reanchoring).toEqual({ anchored: 1200, changed: 0, orphaned: 0 });
    expect(answer.annotations).toHaveLength(1200);
    for (const view of answer.annotations) {
      expect(view.revisionId).toBe(answer.revision.id);
      expect(answer.revision.text.slice(view.start, view.end)).toBe(view.quote);
    }
    expect(answer.annotations[0]).toMatchObject({ start: lead.length, quote: "The", version: 2 });
    expect(await t.db.auditEvent.count({ where: { articleId, action: "annotation.reanchored" } })).toBe(1200);
  });
});

/** A database trigger that aborts any update of one annotation's row. */
function failingUpdateOf(annotationId: string) {
  if (providerOf(t.db) === "sqlite")
    return {
      create: () =>
        t.db.$executeRawUnsafe(
          `CREATE TRIGGER revision_test_abort BEFORE UPDATE ON "Annotation" WHEN OLD.id = '${annotationId}' BEGIN SELECT RAISE(ABORT, 'revision test abort'); END`,
        ),
      drop: () => t.db.$executeRawUnsafe(`DROP TRIGGER revision_test_abort`),
    };
  return {
    create: async () => {
      await t.db.$executeRawUnsafe(
        `CREATE FUNCTION revision_test_abort() RETURNS trigger AS $$ BEGIN IF OLD.id = '${annotationId}' THEN RAISE EXCEPTION 'revision test abort'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await t.db.$executeRawUnsafe(
        `CREATE TRIGGER revision_test_abort BEFORE UPDATE ON "Annotation" FOR EACH ROW EXECUTE FUNCTION revision_test_abort()`,
      );
    },
    drop: async () => {
      await t.db.$executeRawUnsafe(`DROP TRIGGER revision_test_abort ON "Annotation"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION revision_test_abort()`);
    },
  };
}
