import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { AppError } from "@/lib/server/shared/errors";
import { getArticle } from "@/lib/server/article/get-article";
import { listAudit } from "@/lib/server/audit/list-audit";
import { reopenArticle } from "@/lib/server/article/reopen-article";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { reviewQueue } from "@/lib/server/review/review-queue";
import { reviewQueueSize } from "@/lib/server/review/review-queue-size";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { addSource } from "@/lib/server/source/add-source";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  reviewer2 = await createActor(t.db, "REVIEWER", "rev2@example.org");
  admin = await createActor(t.db, "ADMIN", "admin@example.org");
});
afterAll(() => t?.close());

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error) => (error instanceof AppError ? error.code : error instanceof ZodError ? "INVALID" : String(error)),
  );

async function article(text = "The mayor said crime fell. Police data disagree. Experts are cautious.") {
  return (await createArticle(t.db, { actor: editor, input: { title: "Review test", text } })).id;
}
const claim = (articleId: string, actor = editor, start = 0, end = 26) =>
  createAnnotation(t.db, { actor, articleId, input: { kind: "CLAIM", start, end, verdict: "FALSE" } });
const statusOf = async (articleId: string) =>
  (await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).status;

describe(`review workflow on ${provider}`, () => {
  it("runs the whole loop: submit, request changes with a note, fix, resubmit, approve, sign off, lock, reopen", async () => {
    const articleId = await article();
    const a = await claim(articleId);
    expect(await statusOf(articleId)).toBe("DRAFT");

    const submitted = await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    expect(submitted.status).toBe("SUBMITTED");
    expect(await statusOf(articleId)).toBe("IN_REVIEW");

    expect(
      await code(
        reviewAnnotation(t.db, { actor: reviewer, annotationId: a.id, input: { decision: "REQUEST_CHANGES" } }),
      ),
    ).toBe("INVALID");
    const sentBack = await reviewAnnotation(t.db, {
      actor: reviewer,
      annotationId: a.id,
      input: { decision: "REQUEST_CHANGES", note: "Cite the police data." },
    });
    expect(sentBack.status).toBe("CHANGES_REQUESTED");
    expect(sentBack.lastReview).toMatchObject({
      decision: "CHANGES_REQUESTED",
      note: "Cite the police data.",
      reviewer: { id: reviewer.id },
    });

    const fixed = await addSource(t.db, {
      actor: editor,
      annotationId: a.id,
      input: { url: "https://police.example/data" },
    });
    expect(fixed.status).toBe("CHANGES_REQUESTED");
    expect(
      (await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: { version: fixed.version } })).status,
    ).toBe("SUBMITTED");

    expect(await code(signOffArticle(t.db, { actor: reviewer, articleId, input: {} }))).toBe("CONFLICT");
    const approved = await reviewAnnotation(t.db, {
      actor: reviewer,
      annotationId: a.id,
      input: { decision: "APPROVE" },
    });
    expect(approved.status).toBe("APPROVED");

    const signed = await signOffArticle(t.db, { actor: reviewer, articleId, input: { note: "Ready." } });
    expect(signed.status).toBe("SIGNED_OFF");
    expect(signed.signOff).toMatchObject({ decision: "APPROVED", reviewer: { id: reviewer.id }, note: "Ready." });

    for (const attempt of [
      () => createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: 0, end: 3 } }),
      () =>
        updateAnnotation(t.db, { actor: editor, annotationId: a.id, input: { version: approved.version, note: "x" } }),
      () => deleteAnnotation(t.db, { actor: reviewer, annotationId: a.id }),
      () => addSource(t.db, { actor: editor, annotationId: a.id, input: { url: "https://x.example" } }),
      () => submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} }),
      () => reviewAnnotation(t.db, { actor: reviewer2, annotationId: a.id, input: { decision: "APPROVE" } }),
    ]) {
      expect(await code(attempt())).toBe("LOCKED");
    }

    expect(await code(reopenArticle(t.db, { actor: editor, articleId, input: { note: "typo" } }))).toBe("FORBIDDEN");
    expect(await code(reopenArticle(t.db, { actor: reviewer, articleId, input: {} }))).toBe("INVALID");
    expect(
      (await reopenArticle(t.db, { actor: reviewer, articleId, input: { note: "A correction came in." } })).status,
    ).toBe("REOPENED");
    expect(
      (
        await updateAnnotation(t.db, {
          actor: editor,
          annotationId: a.id,
          input: { version: approved.version, note: "after reopening" },
        })
      ).status,
    ).toBe("APPROVED");

    const audit = await listAudit(t.db, { actor: editor, articleId, input: {} });
    expect(audit.events.map((event) => event.action).slice(0, 3)).toEqual([
      "annotation.updated",
      "article.reopened",
      "article.signed_off",
    ]);
    expect(audit.events.at(-1)?.action).toBe("article.created");
    const forOne = await listAudit(t.db, {
      actor: editor,
      articleId,
      input: { annotationId: a.id, pageSize: "2", page: "2" },
    });
    expect(forOne.events).toHaveLength(2);
    expect(forOne.total).toBeGreaterThan(6);
    expect(forOne.events.every((event) => event.annotationId === a.id)).toBe(true);
  });

  it("never lets anyone review their own annotation, admins included", async () => {
    const articleId = await article();
    const own = await claim(articleId, admin);
    await submitAnnotation(t.db, { actor: admin, annotationId: own.id, input: {} });
    const error = await reviewAnnotation(t.db, {
      actor: admin,
      annotationId: own.id,
      input: { decision: "APPROVE" },
    }).catch((e) => e);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/You wrote this annotation/);
    expect(
      await code(reviewAnnotation(t.db, { actor: editor, annotationId: own.id, input: { decision: "APPROVE" } })),
    ).toBe("FORBIDDEN");
    expect(
      (await reviewAnnotation(t.db, { actor: reviewer, annotationId: own.id, input: { decision: "APPROVE" } })).status,
    ).toBe("APPROVED");
  });

  it("refuses transitions outside the table with 409", async () => {
    const articleId = await article();
    const a = await claim(articleId);
    expect(
      await code(reviewAnnotation(t.db, { actor: reviewer, annotationId: a.id, input: { decision: "APPROVE" } })),
    ).toBe("CONFLICT");
    expect(await code(signOffArticle(t.db, { actor: reviewer, articleId, input: {} }))).toBe("CONFLICT");
    expect(await code(reopenArticle(t.db, { actor: reviewer, articleId, input: { note: "n" } }))).toBe("CONFLICT");
    await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    expect(await code(submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} }))).toBe("CONFLICT");
  });

  it("returns an approved annotation to DRAFT when its substance changes, and says so in the audit", async () => {
    const articleId = await article();
    const a = await claim(articleId);
    await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    const approved = await reviewAnnotation(t.db, {
      actor: reviewer,
      annotationId: a.id,
      input: { decision: "APPROVE" },
    });
    const detail = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: a.id,
      input: { version: approved.version, speaker: "The mayor" },
    });
    expect(detail.status).toBe("APPROVED");
    const changed = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: a.id,
      input: { version: detail.version, verdict: "MOSTLY_FALSE" },
    });
    expect(changed.status).toBe("DRAFT");
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { annotationId: a.id, action: "annotation.updated" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(event.payload)).toMatchObject({ from: "APPROVED", to: "DRAFT" });
  });

  it("lets one of two racing reviewers win; the other gets 409 and only one decision is recorded", async () => {
    const articleId = await article();
    const a = await claim(articleId);
    await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    const results = await Promise.allSettled([
      reviewAnnotation(t.db, { actor: reviewer, annotationId: a.id, input: { decision: "APPROVE" } }),
      reviewAnnotation(t.db, {
        actor: reviewer2,
        annotationId: a.id,
        input: { decision: "REQUEST_CHANGES", note: "no" },
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason.code).toBe("CONFLICT");
    expect(await t.db.signOff.count({ where: { annotationId: a.id } })).toBe(1);
    expect(
      await t.db.auditEvent.count({
        where: { annotationId: a.id, action: { in: ["annotation.approved", "annotation.changes_requested"] } },
      }),
    ).toBe(1);
  });

  it("writes no change without its audit event: a failure while auditing undoes the change", async () => {
    const articleId = await article();
    const a = await claim(articleId);
    await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    const before = await t.db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    const failing = failingAuditDb(t.db);
    expect(
      await code(reviewAnnotation(failing, { actor: reviewer, annotationId: a.id, input: { decision: "APPROVE" } })),
    ).toBe("Error: audit store unavailable");
    expect(await code(signOffArticle(failing, { actor: reviewer, articleId, input: {} }))).toBe("CONFLICT");
    const after = await t.db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect([after.status, after.version]).toEqual([before.status, before.version]);
    expect(await t.db.signOff.count({ where: { annotationId: a.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { annotationId: a.id, action: "annotation.approved" } })).toBe(0);
  });

  it("lists submitted work for reviewers, oldest first, never their own", async () => {
    const articleId = await article();
    const first = await claim(articleId, editor, 0, 4);
    const mine = await claim(articleId, reviewer, 5, 9);
    const second = await claim(articleId, editor, 10, 14);
    for (const [actor, annotation] of [
      [editor, first],
      [reviewer, mine],
      [editor, second],
    ] as const)
      await submitAnnotation(t.db, { actor, annotationId: annotation.id, input: {} });
    const queue = await reviewQueue(t.db, { actor: reviewer });
    const ids = queue.items.map((item) => item.id);
    expect(ids).not.toContain(mine.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.items.find((item) => item.id === first.id)).toMatchObject({
      label: first.label,
      article: { id: articleId },
      author: { id: editor.id },
    });
    expect(await code(reviewQueue(t.db, { actor: editor }))).toBe("FORBIDDEN");
    expect((await getArticle(t.db, { actor: editor, articleId })).status).toBe("IN_REVIEW");
  });

  it("pages through a queue longer than 200, oldest first, every item once, with the total", async () => {
    const articleId = await article();
    const revision = await t.db.articleRevision.findFirstOrThrow({ where: { articleId } });
    const base = Date.UTC(2020, 0, 1);
    // Numbered as the app would: distinct per article and kind (the reviewer's five follow the editor's 230).
    const row = (index: number, createdById: string) => ({
      articleId,
      revisionId: revision.id,
      kind: "CLAIM" as const,
      number: (createdById === editor.id ? 1 : 231) + index,
      start: 0,
      end: 4,
      quote: "The ",
      prefix: "",
      suffix: "mayor",
      status: "SUBMITTED" as const,
      createdById,
      updatedAt: new Date(base + index * 1000),
    });
    // 230 of the editor's, oldest in 2020 so they lead the queue, and 5 of the reviewer's own, which never show.
    await t.db.annotation.createMany({
      data: [
        ...Array.from({ length: 230 }, (_, index) => row(index, editor.id)),
        ...Array.from({ length: 5 }, (_, index) => row(index, reviewer.id)),
      ],
    });
    await t.db.article.update({ where: { id: articleId }, data: { lastClaimNumber: 235 } });
    const waiting = await reviewQueueSize(t.db, { actor: reviewer });
    expect(waiting).toBeGreaterThanOrEqual(230);

    const first = await reviewQueue(t.db, { actor: reviewer });
    expect([first.page, first.pageSize, first.total, first.items.length]).toEqual([1, 50, waiting, 50]);
    const seen: string[] = [];
    const times: string[] = [];
    for (let page = 1; page <= Math.ceil(waiting / 50); page++) {
      const queue = await reviewQueue(t.db, { actor: reviewer, input: { page: String(page) } });
      expect(queue.total).toBe(waiting);
      expect(queue.items.length).toBe(Math.min(50, waiting - (page - 1) * 50));
      seen.push(...queue.items.map((item) => item.id));
      times.push(...queue.items.map((item) => item.submittedAt));
    }
    expect(new Set(seen).size).toBe(waiting);
    expect(times).toEqual([...times].sort());
    expect(times.slice(0, 230)).toEqual(
      Array.from({ length: 230 }, (_, index) => new Date(base + index * 1000).toISOString()),
    );
    expect((await reviewQueue(t.db, { actor: reviewer, input: { page: 999 } })).items).toEqual([]);
    expect((await reviewQueue(t.db, { actor: reviewer, input: { pageSize: 200 } })).items).toHaveLength(200);

    const invalid = (input: unknown) =>
      reviewQueue(t.db, { actor: reviewer, input }).catch((error: ZodError) =>
        error.issues.map((issue) => issue.path.join(".")),
      );
    expect(await invalid({ page: 0 })).toEqual(["page"]);
    expect(await invalid({ pageSize: 201 })).toEqual(["pageSize"]);
    expect(await invalid({ page: "two" })).toEqual(["page"]);
    expect(await code(reviewQueueSize(t.db, { actor: editor }))).toBe("FORBIDDEN");
  });
});

/** The same database, but every audit write inside a transaction throws after the change was made. */
function failingAuditDb(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return (fn: (tx: Db) => Promise<unknown>) =>
        target.$transaction((tx) =>
          fn(
            new Proxy(tx as Db, {
              get: (inner, key) =>
                key === "auditEvent"
                  ? { create: () => Promise.reject(new Error("audit store unavailable")) }
                  : Reflect.get(inner, key),
            }),
          ),
        );
    },
  });
}
