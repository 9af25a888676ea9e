import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { describeAuditEvent } from "@/lib/domain/audit-text";
import { eventsSince } from "@/lib/realtime/article-events";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { getArticle } from "@/lib/server/article/get-article";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";
import { listAudit } from "@/lib/server/audit/list-audit";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { updateSource } from "@/lib/server/source/update-source";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
let t: MigratedTestDatabase;
let editor: Actor;
let demoLabels: string[];

const span = (phrase: string) => {
  const start = seed.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in the seed article: ${phrase}`);
  return { start, end: start + phrase.length };
};
const newArticle = async () =>
  (await createArticle(t.db, { actor: editor, input: { title: "Numbers", text: seed } })).id;
const claimAt = (articleId: string, start: number, extra: Record<string, unknown> = {}) =>
  createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start, end: start + 4, ...extra } });
const labelsOf = async (articleId: string) =>
  Object.fromEntries(
    (await getArticle(t.db, { actor: editor, articleId })).annotations.map((annotation) => [
      annotation.id,
      annotation.label,
    ]),
  );

beforeAll(async () => {
  t = await migratedTestDatabase();
  // The demo seed runs only on an empty database: first.
  await seedDemo(t.db, [
    { email: "demo-ed@example.org", name: "Demo Ed", role: "EDITOR", password: "a long demo password" },
  ]);
  const demo = await t.db.annotation.findMany({ orderBy: { createdAt: "asc" }, select: { kind: true, number: true } });
  demoLabels = demo.map((row) => `${row.kind[0]}${row.number}`);
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
});
afterAll(() => t?.close());

describe(`fixed annotation numbers on ${provider}`, () => {
  it("gives 20 parallel creates on one article distinct, gap-free numbers, and the article remembers the last", async () => {
    const articleId = await newArticle();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => claimAt(articleId, i * 10)));
    expect(created.map((view) => view.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(new Set(created.map((view) => view.label)).size).toBe(20);
    expect(
      await t.db.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { lastClaimNumber: true, lastDenialNumber: true },
      }),
    ).toEqual({ lastClaimNumber: 20, lastDenialNumber: 0 });
  });

  it("keeps C1 as C1 when an earlier span is tagged later, in the article view and the created event", async () => {
    const articleId = await newArticle();
    const later = await claimAt(articleId, 500);
    const earlier = await claimAt(articleId, 10);
    expect([later.label, earlier.label]).toEqual(["C1", "C2"]);
    expect(await labelsOf(articleId)).toEqual({ [later.id]: "C1", [earlier.id]: "C2" });
    // The event stream's annotation views carry the same labels.
    const { events: stream } = await eventsSince(t.db, articleId, 0, 50);
    expect(
      stream
        .filter((event) => event.event === "annotation.created")
        .map((event) => (event.data.annotation as { label: string }).label),
    ).toEqual(["C1", "C2"]);
    const { events } = await listAudit(t.db, { actor: editor, articleId, input: { annotationId: earlier.id } });
    expect(describeAuditEvent(events[0])).toBe(`ed tagged claim C2 “${seed.slice(10, 14)}”`);
  });

  it("numbers each kind on its own, and never reuses a deleted annotation's number", async () => {
    const articleId = await newArticle();
    const c1 = await claimAt(articleId, 0);
    const c2 = await claimAt(articleId, 20);
    const d1 = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", start: 40, end: 44, deniesId: c1.id },
    });
    const a1 = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "ANALYSIS", start: 60, end: 64 },
    });
    expect([c1.label, c2.label, d1.label, a1.label]).toEqual(["C1", "C2", "D1", "A1"]);
    await deleteAnnotation(t.db, { actor: editor, annotationId: c2.id });
    const c3 = await claimAt(articleId, 80);
    expect(c3.label).toBe("C3");
    expect(await labelsOf(articleId)).toEqual({ [c1.id]: "C1", [d1.id]: "D1", [a1.id]: "A1", [c3.id]: "C3" });
  });

  it("gives a claim that becomes a denial the next denial number, and the audit log says C → D and what changed", async () => {
    const articleId = await newArticle();
    const c1 = await claimAt(articleId, 0, { verdict: "FALSE", rationale: "The figures say otherwise." });
    const c2 = await claimAt(articleId, 20, { verdict: "FALSE" });
    const d1 = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", start: 40, end: 44, deniesId: c1.id },
    });
    const changed = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: c2.id,
      input: { version: c2.version, kind: "DENIAL", deniesId: c1.id, verdict: "MOSTLY_TRUE" },
    });
    expect([changed.kind, changed.number, changed.label]).toEqual(["DENIAL", 2, "D2"]);
    const again = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: d1.id,
      input: { version: d1.version, rationale: `${"Long reasoning. ".repeat(20)}` },
    });
    expect(again.label).toBe("D1");
    // C2 is not given again: the next claim is C3.
    expect((await claimAt(articleId, 80)).label).toBe("C3");

    const { events } = await listAudit(t.db, { actor: editor, articleId, input: {} });
    const [latestRationale, kindChange] = events.filter((event) => event.action === "annotation.updated");
    expect(kindChange.payload).toMatchObject({
      label: { from: "C2", to: "D2" },
      changes: {
        kind: { from: "CLAIM", to: "DENIAL" },
        deniesId: { from: null, to: "C1" },
        verdict: { from: "FALSE", to: "MOSTLY_TRUE" },
      },
    });
    expect(describeAuditEvent(kindChange, "denial D2 “x”")).toBe(
      "ed edited denial D2 “x”: kind: Claim C2 → Denial D2; verdict: False → Mostly true; denied claim: none → C1",
    );
    // Long text is kept short in the payload.
    expect(String((latestRationale.payload.changes as Record<string, { to: string }>).rationale.to)).toHaveLength(60);
  });

  it("records a source edit's before and after values", async () => {
    const articleId = await newArticle();
    const claim = await claimAt(articleId, 0, { sources: [{ url: "https://example.org/old", title: "Old title" }] });
    await updateSource(t.db, {
      actor: editor,
      sourceId: claim.sources[0].id,
      input: { title: "New title", url: "https://example.org/old" },
    });
    const { events } = await listAudit(t.db, { actor: editor, articleId, input: {} });
    expect(describeAuditEvent(events[0], "claim C1 “x”")).toBe(
      "ed edited a source of claim C1 “x”: title: “Old title” → “New title”",
    );
  });

  it("numbers W3C imports and the demo seed as they are created", async () => {
    const articleId = await newArticle();
    await createAnnotation(t.db, { actor: editor, articleId, input: { kind: "ANALYSIS", start: 0, end: 4 } });
    const document = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      first: {
        type: "AnnotationPage",
        items: [0, 1].map((i) => ({
          type: "Annotation",
          motivation: "assessing",
          target: {
            source: "https://news.example/x",
            selector: {
              type: "TextQuoteSelector",
              exact: seed
                .slice(...(Object.values(span("China on Monday reacted angrily")) as [number, number]))
                .slice(i * 6, i * 6 + 5),
            },
          },
        })),
      },
    };
    const result = await importW3cAnnotations(t.db, { actor: editor, articleId, input: document });
    expect(result.rejected).toEqual([]);
    expect(result.created.map((view) => view.label).sort()).toEqual(["A2", "A3"]);
    expect(demoLabels.length).toBeGreaterThan(2);
    expect(new Set(demoLabels).size).toBe(demoLabels.length);
    expect(demoLabels.every((label) => !label.endsWith("0"))).toBe(true);
  });
});
