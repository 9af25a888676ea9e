import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { eventsSince, eventsSinceMany } from "@/lib/realtime/article-events";
import { MAX_REPLAY } from "@/lib/realtime/article-stream";
import { DETAIL_FIELDS, toAnnotationSummary, type AnnotationView } from "@/lib/views/article-view";
import { createArticle } from "@/lib/server/article/create-article";
import { AppError } from "@/lib/server/shared/errors";
import { exportArticle } from "@/lib/server/article/export-article";
import { getArticle } from "@/lib/server/article/get-article";
import { openWorkbench } from "@/lib/server/article/open-workbench";
import { readAnnotation } from "@/lib/server/annotation/read-annotation";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";
import { reopenArticle } from "@/lib/server/article/reopen-article";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { reviewBatch } from "@/lib/server/review/review-batch";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { createActor } from "../support/actors";
import { runCli } from "../support/cli";
import { longText, seedLongArticle, type LongArticle } from "../support/long-article";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

/**
 * #14: one article with 10,000 annotations on each database. Every path that
 * reads or writes all of an article's annotations must work: SQLite refused
 * any statement with more than 999 parameters (P2029), and Prisma's includes
 * put one parameter per annotation into one statement.
 */
const provider = testProvider();
const COUNT = 10_000;
/** The first ones are left SUBMITTED: one reviewed alone, the rest in one batch of 200. */
const SUBMITTED = 201;
let t: MigratedTestDatabase;
let editor: Actor;
let editor2: Actor;
let reviewer: Actor;
let seeded: LongArticle;
let article: Awaited<ReturnType<typeof getArticle>>;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  editor2 = await createActor(t.db, "EDITOR", "ed2@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  seeded = await seedLongArticle(t.db, { author: editor, editor2, reviewer, count: COUNT, submitted: SUBMITTED });
}, 300_000);
afterAll(() => t?.close());

const exported = (format: string) =>
  exportArticle(t.db, {
    actor: reviewer,
    articleId: seeded.articleId,
    input: { format },
    baseUrl: "https://factmark.example",
    publisher: "Newsroom",
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  );
/** What an annotation carries that must survive an export and an import (ids, dates and numbers are new: an import numbers in reading order). */
const substance = (a: AnnotationView, spanOf: Map<string, string>) => ({
  kind: a.kind,
  start: a.start,
  end: a.end,
  quote: a.quote,
  note: a.note,
  verdict: a.verdict,
  notRatedReason: a.notRatedReason,
  rationale: a.rationale,
  denies: a.deniesId ? spanOf.get(a.deniesId) : null,
  sources: a.sources.map((source) => [source.position, source.url, source.title]),
});
const spans = (annotations: AnnotationView[]) => new Map(annotations.map((a) => [a.id, `${a.start}-${a.end}`]));

describe(`an article with ${COUNT} annotations on ${provider}`, () => {
  it("opens: the page's loader and GET /api/v1/articles/:id (getArticle) return every annotation with its sources, last review and editors", async () => {
    article = await getArticle(t.db, { actor: editor, articleId: seeded.articleId });
    expect(article.annotations).toHaveLength(COUNT);
    expect(article.revision.text).toBe(longText());
    // Reading order: by start, the longer (enclosing) one first.
    for (let i = 1; i < COUNT; i++) {
      const [a, b] = [article.annotations[i - 1], article.annotations[i]];
      expect(a.start < b.start || (a.start === b.start && a.end >= b.end)).toBe(true);
    }
    const byId = new Map(article.annotations.map((a) => [a.id, a]));
    const at = (i: number) => byId.get(seeded.ids[i])!;
    expect(at(0)).toMatchObject({
      label: "C1",
      status: "SUBMITTED",
      lastReview: null,
      sources: [
        { position: 0, url: "https://example.org/source/0/0" },
        { position: 1, url: "https://example.org/source/0/1" },
      ],
    });
    expect(at(8)).toMatchObject({ kind: "DENIAL", label: "D1", deniesId: seeded.ids[7] });
    expect(at(9)).toMatchObject({ kind: "ANALYSIS", label: "A1", verdict: null });
    // An earlier "changes requested" and the later approval: the approval is the last review.
    const late = COUNT - 7; // i % 10 === 3
    expect(at(late).lastReview).toMatchObject({
      decision: "APPROVED",
      note: `ok now ${late}`,
      reviewer: { id: reviewer.id, name: "rev" },
    });
    const sourced = COUNT - 8; // i % 4 === 0, i % 7 !== 0
    expect(at(sourced)).toMatchObject({
      createdBy: { id: editor.id, name: "ed" },
      editorIds: [],
      sources: [{ url: `https://example.org/source/${sourced}/0` }, { url: `https://example.org/source/${sourced}/1` }],
    });
    expect(at(sourced + 1).sources).toEqual([]);
    expect(at(7 * Math.floor((COUNT - 1) / 7)).editorIds).toEqual([editor2.id]);
    expect(article.annotations.filter((a) => a.sources.length === 2)).toHaveLength(COUNT / 4);
    expect(article.annotations.filter((a) => a.editorIds.length === 1)).toHaveLength(
      Math.ceil(COUNT / 7) - Math.ceil(SUBMITTED / 7),
    );
    // Every fifth annotation encloses the one before it: 20 % nest.
    expect(
      article.annotations.filter((a, i) => i > 0 && a.start < article.annotations[i - 1].end).length,
    ).toBeGreaterThanOrEqual(COUNT / 5 - 1);
  });

  it("opens the workbench page with every annotation's summary, and reads any one's details (GET /api/v1/annotations/:id)", async () => {
    const { article: page } = await openWorkbench(t.db, { actor: editor, articleId: seeded.articleId });
    expect(page.annotations).toHaveLength(COUNT);
    // The summaries are the full views without their details, in the same order, editors and authors included.
    expect(page.annotations).toEqual(article.annotations.map(toAnnotationSummary));
    for (const field of DETAIL_FIELDS) expect(page.annotations[0]).not.toHaveProperty(field);
    // The workbench's re-reads (GET /api/v1/articles/:id?annotations=summary) answer the same.
    const reread = await getArticle(t.db, { actor: editor, articleId: seeded.articleId, summaries: true });
    expect(reread.annotations).toEqual(page.annotations);
    expect(page.annotations.filter((a) => a.editorIds.length === 1)).toHaveLength(
      article.annotations.filter((a) => a.editorIds.length === 1).length,
    );
    const byId = new Map(article.annotations.map((a) => [a.id, a]));
    for (const id of [seeded.ids[0], seeded.ids[COUNT - 7], seeded.ids[COUNT - 8]])
      // The detail read is the article's view of it, plus its "based on" links (none here: decision 030).
      expect(await readAnnotation(t.db, { actor: editor, annotationId: id })).toEqual({
        ...byId.get(id),
        basedOn: null,
        reusedBy: [],
        reusedByCount: 0,
      });
    expect(
      (await failure(readAnnotation(t.db, { actor: editor, annotationId: "cnosuchannotation00000000" })))?.code,
    ).toBe("NOT_FOUND");
  });

  it("exports in every format (HTML, ClaimReview, W3C, CSV) with every annotation", async () => {
    const html = await exported("html");
    expect(html.body.match(/<li id="note-\d+">/g)).toHaveLength(COUNT);
    expect(html.body).toContain(`data-annotations="${seeded.ids[COUNT - 1]}"`);
    const claimReviews = JSON.parse((await exported("claimreview")).body) as object[];
    expect(claimReviews).toHaveLength(article.annotations.filter((a) => a.kind !== "ANALYSIS" && a.verdict).length);
    expect(claimReviews.length).toBeGreaterThan(COUNT * 0.8);
    const w3c = JSON.parse((await exported("w3c")).body) as { total: number; first: { items: unknown[] } };
    expect(w3c.total).toBe(COUNT);
    expect(w3c.first.items).toHaveLength(COUNT);
    const csv = (await exported("csv")).body.trim().split("\r\n");
    expect(csv).toHaveLength(COUNT + 1);
    expect(csv.filter((line) => line.startsWith(`${seeded.ids[8]},D1,DENIAL,`))).toHaveLength(1);
  });

  it(`imports its W3C export (${COUNT} annotations) into a fresh article: the same annotations, denials still pointing at their claims`, async () => {
    const w3c = JSON.parse((await exported("w3c")).body) as unknown;
    const fresh = await createArticle(t.db, { actor: editor, input: { title: "Copy", text: longText() } });
    const answer = await importW3cAnnotations(t.db, { actor: editor, articleId: fresh.id, input: w3c });
    expect(answer.rejected).toEqual([]);
    expect(answer.created).toHaveLength(COUNT);
    const copy = await getArticle(t.db, { actor: editor, articleId: fresh.id });
    expect(copy.annotations).toHaveLength(COUNT);
    const [was, now] = [spans(article.annotations), spans(copy.annotations)];
    expect(copy.annotations.map((a) => substance(a, now))).toEqual(article.annotations.map((a) => substance(a, was)));
    // Reviews do not travel: imported annotations start as drafts.
    expect(new Set(copy.annotations.map((a) => a.status))).toEqual(new Set(["DRAFT"]));
  }, 600_000);

  it("refuses sign-off while annotations wait for review, naming each; review alone and in a batch of 200; the event stream replays them", async () => {
    const refused = await failure(signOffArticle(t.db, { actor: reviewer, articleId: seeded.articleId, input: {} }));
    expect(refused?.code).toBe("CONFLICT");
    expect((refused?.details as { blocking: { id: string }[] }).blocking.map((row) => row.id).sort()).toEqual(
      seeded.ids.slice(0, SUBMITTED).sort(),
    );
    const from = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const single = await reviewAnnotation(t.db, {
      actor: reviewer,
      annotationId: seeded.ids[0],
      input: { decision: "APPROVE" },
    });
    expect(single).toMatchObject({
      status: "APPROVED",
      lastReview: { decision: "APPROVED" },
      sources: [{ position: 0 }, { position: 1 }],
    });
    const batch = await reviewBatch(t.db, {
      actor: reviewer,
      input: {
        decisions: seeded.ids.slice(1, SUBMITTED).map((annotationId) => ({ annotationId, decision: "APPROVE" })),
      },
    });
    expect(batch.results.filter((result) => result.ok)).toHaveLength(SUBMITTED - 1);

    const replay = await eventsSince(t.db, seeded.articleId, from, MAX_REPLAY);
    expect(replay.truncated).toBe(false);
    expect(replay.events).toHaveLength(SUBMITTED);
    expect(replay.events.map((event) => (event.data.annotation as AnnotationView).id)).toEqual(
      seeded.ids.slice(0, SUBMITTED),
    );
    expect(
      replay.events.every(
        (event) =>
          event.event === "annotation.updated" && (event.data.annotation as AnnotationView).status === "APPROVED",
      ),
    ).toBe(true);
    // A round of more streams than one statement may name (two parameters each), every one answered in order.
    const wanted = Array.from({ length: 1_200 }, (_, i) => ({
      articleId: seeded.articleId,
      afterId: from + (i % SUBMITTED),
    }));
    const pages = await eventsSinceMany(t.db, wanted, MAX_REPLAY);
    expect(pages.map((page) => page.events.length)).toEqual(wanted.map((_, i) => SUBMITTED - (i % SUBMITTED)));
  }, 120_000);

  it("signs off once every claim is approved and rated, and reopens", async () => {
    const signed = await signOffArticle(t.db, {
      actor: reviewer,
      articleId: seeded.articleId,
      input: { note: "All checked." },
    });
    expect(signed.status).toBe("SIGNED_OFF");
    expect(signed.signOff).toMatchObject({ decision: "APPROVED", note: "All checked.", reviewer: { id: reviewer.id } });
    expect(signed.annotations).toHaveLength(COUNT);
    expect(signed.annotations.every((a) => a.status === "APPROVED")).toBe(true);
    const reopened = await reopenArticle(t.db, {
      actor: reviewer,
      articleId: seeded.articleId,
      input: { note: "A reader wrote in." },
    });
    expect(reopened.status).toBe("REOPENED");
    expect(reopened.signOff).toBeNull();
    expect(reopened.annotations).toHaveLength(COUNT);
  });

  it("exports from the command line (npm run cli -- export)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-long-"));
    const out = path.join(dir, "long.csv");
    const result = await runCli(t.target.url, ["export", seeded.articleId, "--format", "csv", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const rows = fs.readFileSync(out, "utf8").trim().split("\r\n");
    expect(rows).toHaveLength(COUNT + 1);
    expect(
      rows
        .slice(1)
        .map((row) => row.split(",")[0])
        .sort(),
    ).toEqual([...seeded.ids].sort());
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
