import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { createComment } from "@/lib/server/comment/create-comment";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { deleteComment } from "@/lib/server/comment/delete-comment";
import { AppError } from "@/lib/server/shared/errors";
import { listComments } from "@/lib/server/comment/list-comments";
import { updateComment } from "@/lib/server/comment/update-comment";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let otherEditor: Actor;
let reviewer: Actor;
let admin: Actor;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  otherEditor = await createActor(t.db, "EDITOR", "other@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  admin = await createActor(t.db, "ADMIN", "admin@example.org");
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Crime", text: "The mayor said crime fell by half last year." },
    })
  ).id;
});
afterAll(() => t?.close());

const newClaim = async (start = 4, end = 9) =>
  (await createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start, end } })).id;

/** Everything a failed request could have touched, to prove it touched nothing. */
async function snapshot() {
  const [comments, annotations, events] = await Promise.all([
    t.db.comment.findMany({ orderBy: { id: "asc" } }),
    t.db.annotation.findMany({ orderBy: { id: "asc" } }),
    t.db.auditEvent.count(),
  ]);
  return JSON.stringify({ comments, annotations, events });
}

/** The error a call fails with (it must fail). */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected it to fail");
    },
    (error: unknown) => error,
  );

/** The field paths a 422 names, from zod. */
async function failedFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await failure(promise);
  if (error instanceof ZodError) return error.issues.map((issue) => issue.path.join("."));
  throw new Error(`expected a 422-style failure, got ${error}`);
}

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await failure(promise);
  if (error instanceof AppError) return error.code;
  throw new Error(`expected an AppError, got ${error}`);
}

const auditFor = (commentId: string) =>
  t.db.auditEvent
    .findMany({ where: { action: { startsWith: "comment." } }, orderBy: { id: "asc" } })
    .then((events) => events.filter((event) => JSON.parse(event.payload).commentId === commentId));

describe(`comments on ${provider}`, () => {
  it("posts trimmed comments, lists them oldest first with their authors, and records each", async () => {
    const annotationId = await newClaim();
    expect(await listComments(t.db, { actor: reviewer, annotationId })).toEqual([]);
    const first = await createComment(t.db, {
      actor: editor,
      annotationId,
      input: { body: "  Is there a transcript?\n" },
    });
    expect(first).toMatchObject({
      annotationId,
      body: "Is there a transcript?",
      version: 1,
      author: { id: editor.id, name: "ed" },
      edited: false,
    });
    expect(first.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const second = await createComment(t.db, {
      actor: reviewer,
      annotationId,
      input: { body: "Yes: the ministry published one." },
    });
    const third = await createComment(t.db, {
      actor: editor,
      annotationId,
      input: { body: "Thanks, adding it as a source." },
    });

    const listed = await listComments(t.db, { actor: otherEditor, annotationId });
    expect(listed.map((comment) => comment.id)).toEqual([first.id, second.id, third.id]);
    expect(listed.map((comment) => comment.author.name)).toEqual(["ed", "rev", "ed"]);
    // Another annotation's discussion is its own.
    expect(await listComments(t.db, { actor: editor, annotationId: await newClaim(10, 15) })).toEqual([]);

    const [event] = await auditFor(first.id);
    expect(event).toMatchObject({ articleId, annotationId, actorId: editor.id, action: "comment.created" });
    expect(JSON.parse(event.payload)).toEqual({ commentId: first.id, version: 1, excerpt: "Is there a transcript?" });
  });

  it("keeps a long comment whole but audits only an excerpt on one line", async () => {
    const annotationId = await newClaim();
    const body = `${"word ".repeat(200)}\nend`.trim();
    const comment = await createComment(t.db, { actor: editor, annotationId, input: { body } });
    expect(comment.body).toBe(body);
    const excerpt = JSON.parse((await auditFor(comment.id))[0].payload).excerpt as string;
    expect(excerpt.length).toBe(80);
    expect(excerpt).toMatch(/^word word .*…$/);
  });

  it.each([
    ["no body", {}],
    ["an empty body", { body: "" }],
    ["a body of whitespace", { body: " \n\t " }],
    ["a body that is not text", { body: 42 }],
    ["a body over 5000 characters", { body: "x".repeat(5001) }],
  ])("refuses %s naming the body, storing nothing", async (_case, input) => {
    const annotationId = await newClaim();
    const before = await snapshot();
    expect(await failedFields(createComment(t.db, { actor: editor, annotationId, input }))).toEqual(["body"]);
    expect(await snapshot()).toBe(before);
  });

  it("accepts exactly 5000 characters (after trimming)", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, {
      actor: editor,
      annotationId,
      input: { body: ` ${"x".repeat(5000)} ` },
    });
    expect(comment.body.length).toBe(5000);
  });

  it("is NOT_FOUND for an annotation that does not exist, storing nothing", async () => {
    const before = await snapshot();
    expect(
      await code(createComment(t.db, { actor: editor, annotationId: "no-such-annotation", input: { body: "Hello?" } })),
    ).toBe("NOT_FOUND");
    expect(await code(listComments(t.db, { actor: editor, annotationId: "no-such-annotation" }))).toBe("NOT_FOUND");
    expect(
      await code(
        updateComment(t.db, { actor: editor, commentId: "no-such-comment", input: { body: "x", version: 1 } }),
      ),
    ).toBe("NOT_FOUND");
    expect(await code(deleteComment(t.db, { actor: admin, commentId: "no-such-comment" }))).toBe("NOT_FOUND");
    expect(await snapshot()).toBe(before);
  });

  it("lets the author edit with the version last seen, bumping it and marking it edited", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, { actor: editor, annotationId, input: { body: "Frist thought" } });
    const edited = await updateComment(t.db, {
      actor: editor,
      commentId: comment.id,
      input: { body: " First thought ", version: 1 },
    });
    expect(edited).toMatchObject({
      id: comment.id,
      body: "First thought",
      version: 2,
      edited: true,
      createdAt: comment.createdAt,
    });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(comment.updatedAt));
    expect((await listComments(t.db, { actor: reviewer, annotationId }))[0]).toEqual(edited);
    const events = await auditFor(comment.id);
    expect(events.map((event) => event.action)).toEqual(["comment.created", "comment.updated"]);
    expect(JSON.parse(events[1].payload)).toEqual({ commentId: comment.id, version: 2, excerpt: "First thought" });
    expect(events[1]).toMatchObject({ articleId, annotationId, actorId: editor.id });
  });

  it("refuses a stale version with CONFLICT and the current comment, changing nothing", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, { actor: editor, annotationId, input: { body: "one" } });
    await updateComment(t.db, { actor: editor, commentId: comment.id, input: { body: "two", version: 1 } });
    const before = await snapshot();
    const stale = await failure(
      updateComment(t.db, { actor: editor, commentId: comment.id, input: { body: "three", version: 1 } }),
    );
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe("CONFLICT");
    expect((stale as AppError).details.current).toMatchObject({
      id: comment.id,
      body: "two",
      version: 2,
      edited: true,
    });
    expect(await snapshot()).toBe(before);
    expect(
      await failedFields(updateComment(t.db, { actor: editor, commentId: comment.id, input: { body: "three" } })),
    ).toEqual(["version"]);
    expect(
      await failedFields(
        updateComment(t.db, { actor: editor, commentId: comment.id, input: { body: " ", version: 2 } }),
      ),
    ).toEqual(["body"]);
  });

  it("lets nobody but the author edit a comment, not even an admin (and says FORBIDDEN before CONFLICT)", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, { actor: editor, annotationId, input: { body: "My words" } });
    const before = await snapshot();
    for (const actor of [otherEditor, reviewer, admin]) {
      expect(
        await code(
          updateComment(t.db, { actor, commentId: comment.id, input: { body: "Put in your mouth", version: 1 } }),
        ),
      ).toBe("FORBIDDEN");
      expect(
        await code(updateComment(t.db, { actor, commentId: comment.id, input: { body: "Stale too", version: 9 } })),
      ).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toBe(before);
  });

  it("lets authors delete their own comments, with or without a version", async () => {
    const annotationId = await newClaim();
    const mine = await createComment(t.db, { actor: reviewer, annotationId, input: { body: "Oops, wrong claim" } });
    const other = await createComment(t.db, { actor: reviewer, annotationId, input: { body: "Second" } });
    await deleteComment(t.db, { actor: reviewer, commentId: mine.id });
    await updateComment(t.db, { actor: reviewer, commentId: other.id, input: { body: "Second, edited", version: 1 } });
    expect(await code(deleteComment(t.db, { actor: reviewer, commentId: other.id, version: 1 }))).toBe("CONFLICT");
    await deleteComment(t.db, { actor: reviewer, commentId: other.id, version: 2 });
    expect(await listComments(t.db, { actor: editor, annotationId })).toEqual([]);
    const [event] = (await auditFor(mine.id)).filter((entry) => entry.action === "comment.deleted");
    expect(event).toMatchObject({ articleId, annotationId, actorId: reviewer.id });
    expect(JSON.parse(event.payload)).toEqual({ commentId: mine.id, version: 1, excerpt: "Oops, wrong claim" });
  });

  it("lets an admin delete anyone's comment (moderation), naming whose it was", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, {
      actor: editor,
      annotationId,
      input: { body: "Something uncalled for" },
    });
    await deleteComment(t.db, { actor: admin, commentId: comment.id });
    expect(await t.db.comment.count({ where: { id: comment.id } })).toBe(0);
    const [event] = (await auditFor(comment.id)).filter((entry) => entry.action === "comment.deleted");
    expect(event.actorId).toBe(admin.id);
    expect(JSON.parse(event.payload)).toEqual({
      commentId: comment.id,
      version: 1,
      excerpt: "Something uncalled for",
      authorId: editor.id,
      authorName: "ed",
    });
  });

  it("refuses editors and reviewers deleting others' comments with FORBIDDEN, storing nothing", async () => {
    const annotationId = await newClaim();
    const comment = await createComment(t.db, { actor: editor, annotationId, input: { body: "Keep me" } });
    const before = await snapshot();
    expect(await code(deleteComment(t.db, { actor: otherEditor, commentId: comment.id }))).toBe("FORBIDDEN");
    expect(await code(deleteComment(t.db, { actor: reviewer, commentId: comment.id }))).toBe("FORBIDDEN");
    expect(await snapshot()).toBe(before);
  });

  it("allows discussion on a signed-off article: comments are not content", async () => {
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: "Signed", text: "Signed and sealed." },
    });
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", start: 0, end: 6 },
    });
    await t.db.article.update({ where: { id: article.id }, data: { status: "SIGNED_OFF" } });
    const before = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    const comment = await createComment(t.db, {
      actor: reviewer,
      annotationId: claim.id,
      input: { body: "A reader wrote in about this." },
    });
    const edited = await updateComment(t.db, {
      actor: reviewer,
      commentId: comment.id,
      input: { body: "A reader wrote in: see the correction request.", version: 1 },
    });
    expect(edited.version).toBe(2);
    await deleteComment(t.db, { actor: reviewer, commentId: comment.id });
    // Neither the article nor the annotation moved: no open form goes stale because of a comment.
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(before);
    expect((await t.db.annotation.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(claim.version);
  });

  it("goes when its annotation goes (cascade), while the audit trail stays", async () => {
    const annotationId = await newClaim();
    const comments = [
      await createComment(t.db, { actor: editor, annotationId, input: { body: "a" } }),
      await createComment(t.db, { actor: reviewer, annotationId, input: { body: "b" } }),
    ];
    const keep = await newClaim(10, 15);
    const kept = await createComment(t.db, { actor: editor, annotationId: keep, input: { body: "stays" } });
    await deleteAnnotation(t.db, { actor: editor, annotationId });
    expect(await t.db.comment.count({ where: { annotationId } })).toBe(0);
    expect(await t.db.comment.count({ where: { id: { in: comments.map((comment) => comment.id) } } })).toBe(0);
    expect((await listComments(t.db, { actor: editor, annotationId: keep })).map((comment) => comment.id)).toEqual([
      kept.id,
    ]);
    expect(await t.db.auditEvent.count({ where: { annotationId, action: "comment.created" } })).toBe(2);
  });
});
