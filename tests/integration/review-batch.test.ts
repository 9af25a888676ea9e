import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { eventsSince } from "@/lib/realtime/article-events";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { AppError } from "@/lib/server/shared/errors";
import { reviewBatch } from "@/lib/server/review/review-batch";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { submitDrafts } from "@/lib/server/annotation/submit-drafts";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let editor2: Actor;
let reviewer: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  editor2 = await createActor(t.db, "EDITOR", "ed2@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
});
afterAll(() => t?.close());

const TEXT = "One two three four five six seven eight nine ten eleven twelve.";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError || error instanceof ZodError ? error : Promise.reject(error)),
  );

/** An article with `count` claims by `author`, one per word, in reading order. */
async function articleWith(count: number, author = editor) {
  const articleId = (await createArticle(t.db, { actor: author, input: { title: "Batch", text: TEXT } })).id;
  const words = [...TEXT.matchAll(/\w+/g)];
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (
        await createAnnotation(t.db, {
          actor: author,
          articleId,
          input: { kind: "CLAIM", start: words[i].index, end: words[i].index + words[i][0].length, verdict: "FALSE" },
        })
      ).id,
    );
  return { articleId, ids };
}
const lastEventId = async () => (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
/** Statuses in the order of `ids`. */
async function statuses(ids: string[]) {
  const rows = await t.db.annotation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  return ids.map((id) => rows.find((row) => row.id === id)?.status);
}

describe(`batch submit and review on ${provider}`, () => {
  it("submits all ten of the caller's drafts at once, one audit event and one live event each, and moves the article into review", async () => {
    const { articleId, ids } = await articleWith(10);
    const othersDraft = (
      await createAnnotation(t.db, { actor: editor2, articleId, input: { kind: "ANALYSIS", start: 0, end: 3 } })
    ).id;
    const from = await lastEventId();

    const answer = await submitDrafts(t.db, { actor: editor, articleId, input: {} });
    expect(answer.results).toEqual(ids.map((id) => ({ id, ok: true, status: "SUBMITTED" })));
    expect(answer.remaining).toBe(0);
    expect(await statuses(ids)).toEqual(Array(10).fill("SUBMITTED"));
    // Someone else's draft is theirs to submit.
    expect((await t.db.annotation.findUniqueOrThrow({ where: { id: othersDraft } })).status).toBe("DRAFT");
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("IN_REVIEW");

    const audit = await t.db.auditEvent.findMany({
      where: { id: { gt: from }, action: "annotation.submitted" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.annotationId)).toEqual(ids);
    const live = (await eventsSince(t.db, articleId, from, 50)).events.filter(
      (event) => event.event === "annotation.updated",
    );
    expect(live.map((event) => (event.data.annotation as { id: string; status: string }).id)).toEqual(ids);

    // Nothing left: a second press submits nothing and says so.
    expect(await submitDrafts(t.db, { actor: editor, articleId, input: {} })).toEqual({ results: [], remaining: 0 });
  });

  it("submits all or nothing: one that cannot be submitted refuses the batch, lists each outcome, and changes nothing", async () => {
    const { articleId, ids } = await articleWith(3);
    await submitAnnotation(t.db, { actor: editor, annotationId: ids[1], input: {} });
    const from = await lastEventId();
    const error = (await failure(submitDrafts(t.db, { actor: editor, articleId, input: { ids } }))) as AppError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Nothing was submitted: 1 of 3 could not be/);
    expect(error.details.results).toEqual([
      { id: ids[0], ok: false },
      { id: ids[1], ok: false, error: { code: "CONFLICT", message: expect.any(String) } },
      { id: ids[2], ok: false },
    ]);
    expect(await statuses([ids[0], ids[2]])).toEqual(["DRAFT", "DRAFT"]);
    expect(await t.db.auditEvent.count({ where: { id: { gt: from } } })).toBe(0);

    // An id from another article is not found here; an empty or oversized list is 422 on `ids`.
    const other = await articleWith(1);
    expect(
      ((await failure(submitDrafts(t.db, { actor: editor, articleId, input: { ids: [other.ids[0]] } }))) as AppError)
        .code,
    ).toBe("NOT_FOUND");
    for (const bad of [[], Array.from({ length: 201 }, (_, i) => `id${i}`), "all"]) {
      const invalid = (await failure(
        submitDrafts(t.db, { actor: editor, articleId, input: { ids: bad } }),
      )) as ZodError;
      expect(invalid.issues[0].path).toEqual(["ids"]);
    }
  });

  it("reviews ten at once, partially: the one this reviewer changed is refused 403 (four eyes), the other nine are approved, each with its audit and live event", async () => {
    const { articleId, ids } = await articleWith(10);
    await submitDrafts(t.db, { actor: editor, articleId, input: {} });
    // The reviewer changes the verdict of the fourth (back to draft); the author submits it again: the reviewer may no longer review it.
    const changed = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: ids[3],
      input: { version: 2, verdict: "TRUE" },
    });
    await submitAnnotation(t.db, { actor: editor, annotationId: ids[3], input: { version: changed.version } });
    const from = await lastEventId();

    const answer = await reviewBatch(t.db, {
      actor: reviewer,
      input: { decisions: ids.map((annotationId) => ({ annotationId, decision: "APPROVE" })) },
    });
    expect(answer.results.filter((result) => result.ok)).toHaveLength(9);
    expect(answer.results[3]).toEqual({
      id: ids[3],
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringMatching(/You changed this annotation's substance/) },
    });
    expect(answer.results.filter((result) => result.ok).every((result) => result.status === "APPROVED")).toBe(true);
    expect(await statuses(ids)).toEqual(ids.map((_, i) => (i === 3 ? "SUBMITTED" : "APPROVED")));

    const nine = ids.filter((_, i) => i !== 3);
    const audit = await t.db.auditEvent.findMany({ where: { id: { gt: from } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.annotationId])).toEqual(
      nine.map((id) => ["annotation.approved", id]),
    );
    const live = (await eventsSince(t.db, articleId, from, 50)).events;
    expect(
      live.map((event) => [event.event, (event.data.annotation as { id: string; status: string }).status]),
    ).toEqual(nine.map(() => ["annotation.updated", "APPROVED"]));

    // Someone else approves the last one; then the article can be signed off.
    const rev2 = await createActor(t.db, "REVIEWER", "rev2@example.org");
    await reviewAnnotation(t.db, { actor: rev2, annotationId: ids[3], input: { decision: "APPROVE" } });
    expect((await signOffArticle(t.db, { actor: reviewer, articleId, input: {} })).status).toBe("SIGNED_OFF");
  });

  it("sends back with a note, refuses a decision without one (422 naming the field) and editors altogether", async () => {
    const { articleId, ids } = await articleWith(2);
    await submitDrafts(t.db, { actor: editor, articleId, input: {} });
    const noNote = (await failure(
      reviewBatch(t.db, {
        actor: reviewer,
        input: {
          decisions: [
            { annotationId: ids[0], decision: "APPROVE" },
            { annotationId: ids[1], decision: "REQUEST_CHANGES" },
          ],
        },
      }),
    )) as ZodError;
    expect(noNote.issues.map((issue) => issue.path.join("."))).toEqual(["decisions.1.note"]);
    expect(await statuses(ids)).toEqual(["SUBMITTED", "SUBMITTED"]);
    expect(
      (
        (await failure(
          reviewBatch(t.db, { actor: editor2, input: { decisions: [{ annotationId: ids[0], decision: "APPROVE" }] } }),
        )) as AppError
      ).code,
    ).toBe("FORBIDDEN");

    const answer = await reviewBatch(t.db, {
      actor: reviewer,
      input: {
        decisions: [
          { annotationId: ids[0], decision: "REQUEST_CHANGES", note: "Cite it." },
          { annotationId: ids[1], decision: "APPROVE", version: 1 },
          { annotationId: "missing", decision: "APPROVE" },
        ],
      },
    });
    expect(answer.results).toEqual([
      { id: ids[0], ok: true, status: "CHANGES_REQUESTED" },
      {
        id: ids[1],
        ok: false,
        error: { code: "CONFLICT", message: expect.stringMatching(/changed this annotation since/) },
      },
      { id: "missing", ok: false, error: { code: "NOT_FOUND", message: "No such annotation." } },
    ]);
    const tooMany = (await failure(
      reviewBatch(t.db, {
        actor: reviewer,
        input: { decisions: Array.from({ length: 201 }, () => ({ annotationId: ids[1], decision: "APPROVE" })) },
      }),
    )) as ZodError;
    expect(tooMany.issues[0].path).toEqual(["decisions"]);
  });

  it("submits 200 drafts in one request and leaves the rest for the next (no query near SQLite's parameter limit)", async () => {
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Many", text: "x ".repeat(300) } }))
      .id;
    for (let i = 0; i < 230; i++)
      await createAnnotation(t.db, {
        actor: editor,
        articleId,
        input: { kind: "ANALYSIS", start: i * 2, end: i * 2 + 1 },
      });
    const first = await submitDrafts(t.db, { actor: editor, articleId, input: {} });
    expect([first.results.length, first.remaining]).toEqual([200, 30]);
    const second = await submitDrafts(t.db, { actor: editor, articleId, input: {} });
    expect([second.results.length, second.remaining]).toEqual([30, 0]);
  }, 120_000);
});
