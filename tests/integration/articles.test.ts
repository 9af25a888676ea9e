import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { AppError } from "@/lib/server/shared/errors";
import { getArticle } from "@/lib/server/article/get-article";
import { listArticles } from "@/lib/server/article/list-articles";
import { addSource } from "@/lib/server/source/add-source";
import { deleteSource } from "@/lib/server/source/delete-source";
import { updateSource } from "@/lib/server/source/update-source";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
const seedText = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8");
let t: MigratedTestDatabase;
let editor: Actor;
let otherEditor: Actor;
let reviewer: Actor;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  otherEditor = await createActor(t.db, "EDITOR", "other@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "US to try to convince China", text: seedText, publisher: "Example", publishedAt: "2022-03-14" },
    })
  ).id;
});
afterAll(() => t?.close());

/** Everything a failed request could have touched, to prove it touched nothing. */
async function snapshot() {
  const [articles, annotations, sources, events] = await Promise.all([
    t.db.article.findMany({ orderBy: { id: "asc" } }),
    t.db.annotation.findMany({ orderBy: { id: "asc" } }),
    t.db.source.findMany({ orderBy: { id: "asc" } }),
    t.db.auditEvent.count(),
  ]);
  return JSON.stringify({ articles, annotations, sources, events });
}

/** The field paths a failure names (422), from zod or from a use case. */
async function failedFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error instanceof ZodError) return error.issues.map((issue) => issue.path.join("."));
  if (error instanceof AppError && error.code === "INVALID")
    return (error.details.fields ?? []).map((field) => field.path);
  throw new Error(`expected a 422-style failure, got ${error}`);
}

const sentence = "China on Monday reacted angrily to multiple media reports citing US officials.";

describe(`articles on ${provider}`, () => {
  it("imports the seed article with every character unchanged and its paragraphs as blocks", async () => {
    const article = await getArticle(t.db, { actor: reviewer, articleId });
    expect(article.revision.text).toBe(seedText.replace(/\r\n?/g, "\n"));
    expect(article.revision.blocks.length).toBeGreaterThan(5);
    expect(article.publishedAt).toBe("2022-03-14T00:00:00.000Z");
    expect(await t.db.auditEvent.count({ where: { articleId, action: "article.created" } })).toBe(1);
  });

  it("imports HTML as sanitized text and structure", async () => {
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: "HTML", html: "<h1>Head</h1><p>Body “quoted” <script>alert(1)</script><b>bold</b></p>" },
    });
    expect(article.revision.text).not.toContain("alert");
    expect(article.revision.text).toContain("Body “quoted”");
    expect(article.revision.blocks.map((block) => block.type)).toEqual(["heading", "paragraph"]);
  });

  it("lists with counts, filters by status and searches titles regardless of case", async () => {
    const list = await listArticles(t.db, { actor: editor, input: { q: "CONVINCE china" } });
    expect(list.articles.map((article) => article.id)).toContain(articleId);
    expect((await listArticles(t.db, { actor: editor, input: { status: "SIGNED_OFF" } })).total).toBe(0);
    expect(
      await failedFields(listArticles(t.db, { actor: editor, input: { status: "DONE", pageSize: "500" } })),
    ).toEqual(["pageSize", "status"]);
  });

  it.each([
    ["an empty title", { title: "   ", text: "x" }, ["title"]],
    ["no body", { title: "T" }, ["text"]],
    ["both bodies", { title: "T", text: "a", html: "<p>b</p>" }, ["html"]],
    ["a body over 2 MB", { title: "T", text: "é".repeat(1_100_000) }, ["text"]],
    ["a javascript: source URL", { title: "T", text: "a", sourceUrl: "javascript:alert(1)" }, ["sourceUrl"]],
    ["a bad date", { title: "T", text: "a", publishedAt: "last week" }, ["publishedAt"]],
    ["HTML nested too deep to parse quickly", { title: "T", html: "<b>".repeat(60_000) + "x" }, ["html"]],
    [
      "a whole page nested too deep to parse quickly",
      { title: "T", html: `<!doctype html><html><body>${"<div>".repeat(20_000)}x</body></html>` },
      ["html"],
    ],
  ])("refuses %s naming the field, storing nothing", async (_case, input, fields) => {
    const before = await snapshot();
    expect(await failedFields(createArticle(t.db, { actor: editor, input }))).toEqual(fields);
    expect(await snapshot()).toBe(before);
  });
});

describe(`annotations on ${provider}`, () => {
  it("stores quote, prefix and suffix from the offsets, with sources in order, and an audit event", async () => {
    const start = seedText.indexOf(sentence);
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: {
        kind: "CLAIM",
        start,
        end: start + sentence.length,
        quote: sentence,
        speaker: "Zhao Lijian",
        verdict: "MISLEADING",
        rationale: "r",
        sources: [{ url: "https://example.org/1", accessedAt: "2022-03-15" }, { url: "https://example.org/2" }],
      },
    });
    expect(claim).toMatchObject({
      quote: sentence,
      version: 1,
      status: "DRAFT",
      speaker: "Zhao Lijian",
      verdict: "MISLEADING",
    });
    expect(claim.prefix).toBe(seedText.slice(start - 32, start));
    expect(claim.suffix).toBe(seedText.slice(start + sentence.length, start + sentence.length + 32));
    expect(claim.sources.map((source) => [source.position, source.url])).toEqual([
      [0, "https://example.org/1"],
      [1, "https://example.org/2"],
    ]);
    expect(claim.sources[0].accessedAt).toBe("2022-03-15T00:00:00.000Z");
    expect(await t.db.auditEvent.count({ where: { annotationId: claim.id, action: "annotation.created" } })).toBe(1);
  });

  it.each([
    ["start >= end", { kind: "CLAIM", start: 10, end: 10 }, ["end"]],
    ["offsets outside the text", { kind: "CLAIM", start: 5, end: 10_000_000 }, ["end"]],
    ["a quote that differs from the text", { kind: "CLAIM", start: 0, end: 2, quote: "XX" }, ["quote"]],
    ["an unknown kind", { kind: "RUMOUR", start: 0, end: 2 }, ["kind"]],
    ["an unknown verdict", { kind: "CLAIM", start: 0, end: 2, verdict: "PANTS_ON_FIRE" }, ["verdict"]],
    ["a verdict on an analysis", { kind: "ANALYSIS", start: 0, end: 2, verdict: "TRUE" }, ["verdict"]],
    ["deniesId on a claim", { kind: "CLAIM", start: 0, end: 2, deniesId: "x" }, ["deniesId"]],
    [
      "deniesId that is not a claim of this article",
      { kind: "DENIAL", start: 0, end: 2, deniesId: "nope" },
      ["deniesId"],
    ],
    [
      "a javascript: source URL",
      { kind: "CLAIM", start: 0, end: 2, sources: [{ url: "javascript:alert(1)" }] },
      ["sources.0.url"],
    ],
    [
      "a data: archive URL",
      { kind: "CLAIM", start: 0, end: 2, sources: [{ url: "https://ok.example", archiveUrl: "data:text/html,x" }] },
      ["sources.0.archiveUrl"],
    ],
  ])("refuses %s naming the field, storing nothing", async (_case, input, fields) => {
    const before = await snapshot();
    expect(await failedFields(createAnnotation(t.db, { actor: editor, articleId, input }))).toEqual(fields);
    expect(await snapshot()).toBe(before);
  });

  it("links a denial to a claim of the same article only", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 0, end: 5 },
    });
    const denial = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", start: 6, end: 9, deniesId: claim.id },
    });
    expect(denial.deniesId).toBe(claim.id);
    const elsewhere = await createArticle(t.db, {
      actor: editor,
      input: { title: "Other", text: "Another article entirely." },
    });
    expect(
      await failedFields(
        createAnnotation(t.db, {
          actor: editor,
          articleId: elsewhere.id,
          input: { kind: "DENIAL", start: 0, end: 3, deniesId: claim.id },
        }),
      ),
    ).toEqual(["deniesId"]);
    const analysis = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "ANALYSIS", start: 0, end: 9 },
    });
    expect(
      await failedFields(
        createAnnotation(t.db, {
          actor: editor,
          articleId,
          input: { kind: "DENIAL", start: 0, end: 3, deniesId: analysis.id },
        }),
      ),
    ).toEqual(["deniesId"]);
  });

  it("keeps denials consistent: deleting their claim unlinks them visibly, and a denied claim cannot change kind", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 100, end: 110 },
    });
    const denial = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", start: 120, end: 130, deniesId: claim.id },
    });
    expect(
      await failedFields(
        updateAnnotation(t.db, { actor: editor, annotationId: claim.id, input: { version: 1, kind: "ANALYSIS" } }),
      ),
    ).toEqual(["kind"]);
    await deleteAnnotation(t.db, { actor: editor, annotationId: claim.id });
    const after = await t.db.annotation.findUniqueOrThrow({ where: { id: denial.id } });
    expect([after.deniesId, after.version]).toEqual([null, 2]);
    expect(await t.db.auditEvent.count({ where: { annotationId: denial.id, action: "annotation.updated" } })).toBe(1);
  });

  it("counts offsets in UTF-16 code units, as the browser does, around emoji", async () => {
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: "Emoji", text: "Bikes 🚲🚲 are “up” 50%." },
    });
    const start = article.revision.text.indexOf("“up”");
    expect(start).toBe(15); // each 🚲 is two UTF-16 code units
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", start, end: start + 4, quote: "“up”" },
    });
    expect(claim.prefix).toBe("Bikes 🚲🚲 are ");
  });

  it("updates with the version last seen, bumps it, and refuses a stale one with the current state", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 20, end: 30 },
    });
    const updated = await updateAnnotation(t.db, {
      actor: otherEditor,
      annotationId: claim.id,
      input: { version: 1, speaker: "Someone", verdict: "FALSE" },
    });
    expect(updated).toMatchObject({ version: 2, speaker: "Someone", verdict: "FALSE" });
    const stale = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: 1, note: "mine" },
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ version: 2, speaker: "Someone" });
    expect(
      await failedFields(
        updateAnnotation(t.db, { actor: editor, annotationId: claim.id, input: { version: 2, kind: "ANALYSIS" } }),
      ),
    ).toEqual(["verdict"]);
    const analysis = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: 2, kind: "ANALYSIS", verdict: null },
    });
    expect(analysis).toMatchObject({ kind: "ANALYSIS", verdict: null, version: 3 });
    expect(await t.db.auditEvent.count({ where: { annotationId: claim.id, action: "annotation.updated" } })).toBe(2);
  });

  it("answers a create and an update with exactly what a fresh read of the article shows (the answer is built without re-reading)", async () => {
    const stored = async (id: string) =>
      (await getArticle(t.db, { actor: reviewer, articleId })).annotations.find((annotation) => annotation.id === id);
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: {
        kind: "CLAIM",
        start: 51,
        end: 60,
        speaker: "S",
        note: "n",
        sources: [{ url: "https://c.example", title: "C" }, { url: "https://d.example" }],
      },
    });
    expect(claim).toEqual(await stored(claim.id));
    const bare = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "ANALYSIS", start: 61, end: 70 },
    });
    expect(bare).toEqual(await stored(bare.id));
    const edited = await updateAnnotation(t.db, {
      actor: otherEditor,
      annotationId: claim.id,
      input: { version: 1, speaker: "", verdict: "FALSE", rationale: "r" },
    });
    expect(edited).toEqual(await stored(claim.id));
    // The edit also marked the article's last activity (the list sorts by it).
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).updatedAt.toISOString()).toBe(
      edited.updatedAt,
    );
    const resourced = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: {
        version: 2,
        sources: [
          { url: "https://e.example" },
          { url: "https://f.example", publisher: "F" },
          { url: "https://c.example" },
        ],
      },
    });
    expect(resourced.sources.map((source) => source.url)).toEqual([
      "https://e.example",
      "https://f.example",
      "https://c.example",
    ]);
    expect(resourced).toEqual(await stored(claim.id));
    // After a review, by its author and by someone else: the last review and the author's name come back too.
    await submitAnnotation(t.db, { actor: editor, annotationId: claim.id, input: {} });
    await reviewAnnotation(t.db, {
      actor: reviewer,
      annotationId: claim.id,
      input: { decision: "REQUEST_CHANGES", note: "Cite it." },
    });
    const version = (await stored(claim.id))!.version;
    const byAuthor = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version, note: "cited" },
    });
    expect(byAuthor.lastReview).toMatchObject({
      decision: "CHANGES_REQUESTED",
      reviewer: { id: reviewer.id, name: reviewer.name },
    });
    expect(byAuthor).toEqual(await stored(claim.id));
    const byReviewer = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: claim.id,
      input: { version: version + 1, speaker: "Named" },
    });
    expect(byReviewer).toEqual(await stored(claim.id));
  });

  it("changes only the fields sent: a partial update never clears the others", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 31, end: 39, speaker: "Sullivan", rationale: "why", verdict: "TRUE", note: "n" },
    });
    const updated = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: 1, note: "new note" },
    });
    expect(updated).toMatchObject({ speaker: "Sullivan", rationale: "why", verdict: "TRUE", note: "new note" });
    const cleared = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: 2, speaker: "", verdict: null },
    });
    expect(cleared).toMatchObject({ speaker: null, verdict: null, rationale: "why" });
  });

  it("adds, edits, reorders and removes sources, each bumping the version", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 40, end: 50, sources: [{ url: "https://a.example" }] },
    });
    let view = await addSource(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { url: "https://b.example", title: "B" },
    });
    expect(view.version).toBe(2);
    view = await updateSource(t.db, {
      actor: editor,
      sourceId: view.sources[1].id,
      input: { position: 0, publisher: "Pub" },
    });
    expect(view.sources.map((source) => [source.url, source.publisher])).toEqual([
      ["https://b.example", "Pub"],
      ["https://a.example", null],
    ]);
    expect(
      await failedFields(
        updateSource(t.db, { actor: editor, sourceId: view.sources[0].id, input: { url: "javascript:alert(1)" } }),
      ),
    ).toEqual(["url"]);
    view = await deleteSource(t.db, { actor: editor, sourceId: view.sources[0].id });
    expect(view.sources.map((source) => [source.position, source.url])).toEqual([[0, "https://a.example"]]);
    expect(view.version).toBe(4);
  });

  it("refuses a source change made over a newer version of the annotation (409 with the current state), and changes nothing", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 40, end: 50, sources: [{ url: "https://a.example", title: "A" }] },
    });
    const sourceId = claim.sources[0].id;
    // Someone else edits the annotation: version 1 → 2.
    await updateAnnotation(t.db, { actor: otherEditor, annotationId: claim.id, input: { version: 1, note: "theirs" } });
    for (const stale of [
      () => updateSource(t.db, { actor: editor, sourceId, input: { title: "Mine", version: 1 } }),
      () => deleteSource(t.db, { actor: editor, sourceId, version: 1 }),
      () => addSource(t.db, { actor: editor, annotationId: claim.id, input: { url: "https://b.example", version: 1 } }),
    ]) {
      const error = await stale().catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("CONFLICT");
      expect(error.details.current).toMatchObject({
        id: claim.id,
        version: 2,
        note: "theirs",
        sources: [{ id: sourceId, title: "A" }],
      });
    }
    expect(
      await t.db.source.findMany({ where: { annotationId: claim.id }, select: { id: true, title: true } }),
    ).toEqual([{ id: sourceId, title: "A" }]);
    expect(
      await failedFields(updateSource(t.db, { actor: editor, sourceId, input: { title: "Mine", version: "2" } })),
    ).toEqual(["version"]);
    // With the version now seen, the same change goes through.
    expect(
      (await updateSource(t.db, { actor: editor, sourceId, input: { title: "Mine", version: 2 } })).sources[0],
    ).toMatchObject({ title: "Mine" });
  });

  it("lets editors delete only their own annotations; reviewers delete any; a stale delete is refused", async () => {
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 60, end: 70, sources: [{ url: "https://a.example" }] },
    });
    const error = await deleteAnnotation(t.db, { actor: otherEditor, annotationId: claim.id }).catch((e) => e);
    expect(error.code).toBe("FORBIDDEN");
    await updateAnnotation(t.db, { actor: editor, annotationId: claim.id, input: { version: 1, note: "changed" } });
    expect(
      (await deleteAnnotation(t.db, { actor: reviewer, annotationId: claim.id, version: 1 }).catch((e) => e)).code,
    ).toBe("CONFLICT");
    await deleteAnnotation(t.db, { actor: reviewer, annotationId: claim.id, version: 2 });
    expect(await t.db.annotation.count({ where: { id: claim.id } })).toBe(0);
    expect(await t.db.source.count({ where: { annotationId: claim.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { annotationId: claim.id, action: "annotation.deleted" } })).toBe(1);
  });

  it("refuses changes to a signed-off article with LOCKED", async () => {
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: "Locked", text: "Signed and sealed." },
    });
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", start: 0, end: 6 },
    });
    await t.db.article.update({ where: { id: article.id }, data: { status: "SIGNED_OFF" } });
    for (const attempt of [
      () =>
        createAnnotation(t.db, { actor: editor, articleId: article.id, input: { kind: "CLAIM", start: 0, end: 3 } }),
      () => updateAnnotation(t.db, { actor: editor, annotationId: claim.id, input: { version: 1, note: "x" } }),
      () => deleteAnnotation(t.db, { actor: editor, annotationId: claim.id }),
      () => addSource(t.db, { actor: editor, annotationId: claim.id, input: { url: "https://x.example" } }),
    ]) {
      expect((await attempt().catch((e) => e)).code).toBe("LOCKED");
    }
  });
});
