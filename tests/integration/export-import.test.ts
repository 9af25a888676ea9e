import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { checkW3c } from "@/lib/export/w3c-conformance";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { exportArticle } from "@/lib/server/article/export-article";
import { getArticle } from "@/lib/server/article/get-article";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
let t: MigratedTestDatabase;
let editor: Actor;
let articleId: string;

const span = (phrase: string) => {
  const start = seed.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in the seed article: ${phrase}`);
  return { start, end: start + phrase.length };
};

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Seed", text: seed, sourceUrl: "https://news.example/story" },
    })
  ).id;
  const claim = await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: {
      kind: "CLAIM",
      ...span("the United States was spreading “malicious disinformation”"),
      speaker: "Zhao Lijian",
      verdict: "FALSE",
      rationale: "No evidence.",
      note: "Check the briefing.",
      sources: [
        { url: "https://example.org/briefing", title: "Briefing", publisher: "Example", accessedAt: "2022-03-15" },
      ],
    },
  });
  await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: {
      kind: "DENIAL",
      ...span("China has played a constructive role"),
      speaker: "Zhao Lijian",
      verdict: "MOSTLY_FALSE",
      deniesId: claim.id,
    },
  });
  await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: { kind: "ANALYSIS", ...span("China on Monday reacted angrily"), note: "Context." },
  });
});
afterAll(() => t?.close());

const exported = (format: string) =>
  exportArticle(t.db, {
    actor: editor,
    articleId,
    input: { format },
    baseUrl: "https://factmark.example",
    publisher: "Desk",
  });

const comparable = (annotations: Awaited<ReturnType<typeof getArticle>>["annotations"]) =>
  annotations.map((a) => ({
    kind: a.kind,
    start: a.start,
    end: a.end,
    quote: a.quote,
    speaker: a.speaker,
    verdict: a.verdict,
    rationale: a.rationale,
    note: a.note,
    sources: a.sources.map((s) => [s.url, s.title, s.publisher, s.accessedAt]),
    denies: a.deniesId ? annotations.find((c) => c.id === a.deniesId)?.quote : null,
  }));

describe(`export and W3C import on ${provider}`, () => {
  it("exports every format with a sensible file name", async () => {
    const html = await exported("html");
    expect(html.filename).toBe("seed.html");
    expect(html.body).toContain("DRAFT — not signed off");
    const claimReview = JSON.parse((await exported("claimreview")).body);
    expect(claimReview).toHaveLength(2);
    const w3c = JSON.parse((await exported("w3c")).body);
    expect(checkW3c(w3c)).toEqual([]);
    expect((await exported("csv")).body.split("\r\n").filter(Boolean)).toHaveLength(4);
  });

  it("round-trips: export, import into a copy of the article, and get the same annotations", async () => {
    const document = JSON.parse((await exported("w3c")).body);
    const copy = await createArticle(t.db, { actor: editor, input: { title: "Copy", text: seed } });
    const result = await importW3cAnnotations(t.db, { actor: editor, articleId: copy.id, input: document });
    expect(result.rejected).toEqual([]);
    expect(result.created).toHaveLength(3);
    const original = await getArticle(t.db, { actor: editor, articleId });
    const imported = await getArticle(t.db, { actor: editor, articleId: copy.id });
    expect(comparable(imported.annotations)).toEqual(comparable(original.annotations));
  });

  it("re-anchors on an edited text and lists a quote that no longer appears as rejected, with the reason", async () => {
    const document = JSON.parse((await exported("w3c")).body);
    const edited = `A new first paragraph.\n\n${seed.replace("China on Monday reacted angrily", "China on Monday reacted")}`;
    const copy = await createArticle(t.db, { actor: editor, input: { title: "Edited", text: edited } });
    const before = await t.db.annotation.count();
    const result = await importW3cAnnotations(t.db, { actor: editor, articleId: copy.id, input: document });
    expect(result.created.map((a) => a.kind).sort()).toEqual(["CLAIM", "DENIAL"]);
    expect(result.created.every((a) => edited.slice(a.start, a.end) === a.quote)).toBe(true);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0].reason).toMatch(/no longer appears|not found/i);
    expect(await t.db.annotation.count()).toBe(before + 2);
  });

  it("rejects a malformed document entry by entry, storing nothing for them", async () => {
    const before = await t.db.annotation.count();
    const result = await importW3cAnnotations(t.db, {
      actor: editor,
      articleId,
      input: [
        { type: "Annotation" },
        {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          type: "Annotation",
          target: { selector: { type: "TextQuoteSelector", exact: "" } },
        },
      ],
    });
    expect(result.created).toEqual([]);
    expect(result.rejected.length).toBe(2);
    expect(await t.db.annotation.count()).toBe(before);
  });
});
