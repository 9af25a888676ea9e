import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { migrationsDir } from "@/lib/db/schema-variants";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { addRevision } from "@/lib/server/article/add-revision";
import { createArticle } from "@/lib/server/article/create-article";
import { addSource } from "@/lib/server/source/add-source";
import { deleteSource } from "@/lib/server/source/delete-source";
import { updateSource } from "@/lib/server/source/update-source";
import { createActor } from "../support/actors";
import { tempMigrationsRoot } from "../support/temp-root";
import {
  migratedTestDatabase,
  newTestDatabase,
  testProvider,
  type MigratedTestDatabase,
} from "../support/test-database";
import { spanOf } from "../support/text-span";

// #18: the full-text tables are kept in step by triggers (migration 20261201031000_search_index), so every
// write path updates the index; these tests go through the use cases and check what a MATCH finds.
const provider = testProvider();
const SEARCH_MIGRATION = "20261201031000_search_index";
const FACET_KEYS_MIGRATION = "20261201062000_search_facet_keys";

const TEXT =
  "The minister said unemployment fell to four percent last spring.\n\n" +
  "Exports of zinc doubled in a single year, the harbour office claimed.\n\n" +
  "A new bridge will cost nine hundred million, according to the council.";

/** Ids of the annotations (or articles) whose index row matches one word. */
async function matching(db: Db, table: "annotation" | "article", word: string): Promise<string[]> {
  const rows =
    provider === "sqlite"
      ? table === "annotation"
        ? await db.$queryRaw<
            { id: string }[]
          >`SELECT "annotationId" AS id FROM "AnnotationFts" WHERE "AnnotationFts" MATCH ${`"${word}"`}`
        : await db.$queryRaw<
            { id: string }[]
          >`SELECT "articleId" AS id FROM "ArticleFts" WHERE "ArticleFts" MATCH ${`"${word}"`}`
      : table === "annotation"
        ? await db.$queryRaw<
            { id: string }[]
          >`SELECT "annotationId" AS id FROM "AnnotationFts" WHERE "document" @@ plainto_tsquery('english', ${word})`
        : await db.$queryRaw<
            { id: string }[]
          >`SELECT "articleId" AS id FROM "ArticleFts" WHERE "document" @@ plainto_tsquery('english', ${word})`;
  return rows.map((row) => row.id).sort();
}

async function indexRows(db: Db): Promise<{ annotations: number; articles: number }> {
  const [annotations] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "AnnotationFts"`;
  const [articles] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "ArticleFts"`;
  return { annotations: Number(annotations.n), articles: Number(articles.n) };
}

const span = (phrase: string, text = TEXT) => spanOf(text, phrase);

let t: MigratedTestDatabase;
let editor: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "index@example.org");
});
afterAll(() => t?.close());

describe(`the search index on ${provider}`, () => {
  it("follows an annotation's quote, speaker, note and rationale through create, update and delete", async () => {
    const article = await createArticle(t.db, { actor: editor, input: { title: "Harbour figures", text: TEXT } });
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: {
        kind: "CLAIM",
        ...span("Exports of zinc doubled in a single year"),
        speaker: "Marigold Finchley",
        note: "Ask the zephyrine desk",
        rationale: "The quillwort bureau says otherwise",
        verdict: "FALSE",
      },
    });
    const other = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", ...span("unemployment fell to four percent"), verdict: "TRUE" },
    });
    expect(await matching(t.db, "annotation", "zinc")).toEqual([claim.id]);
    // Stemmed on both databases: "exported" finds "Exports".
    expect(await matching(t.db, "annotation", "exported")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "Finchley")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "zephyrine")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "quillwort")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "unemployment")).toEqual([other.id]);

    const updated = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: {
        version: claim.version,
        speaker: "Rosalind Ashgrove",
        note: "Ask the periwinkle desk",
        rationale: "The marchpane bureau says otherwise",
      },
    });
    for (const gone of ["Finchley", "zephyrine", "quillwort"])
      expect(await matching(t.db, "annotation", gone)).toEqual([]);
    for (const found of ["Ashgrove", "periwinkle", "marchpane", "zinc"])
      expect(await matching(t.db, "annotation", found)).toEqual([claim.id]);

    // A new span changes the quote.
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: updated.version, ...span("A new bridge will cost nine hundred million") },
    });
    expect(await matching(t.db, "annotation", "zinc")).toEqual([]);
    expect(await matching(t.db, "annotation", "bridge")).toEqual([claim.id]);

    await deleteAnnotation(t.db, { actor: editor, annotationId: claim.id });
    for (const gone of ["bridge", "Ashgrove", "periwinkle", "marchpane"])
      expect(await matching(t.db, "annotation", gone)).toEqual([]);
    expect(await matching(t.db, "annotation", "unemployment")).toEqual([other.id]);
  });

  it("follows an annotation's sources: added, edited, removed, and gone with their annotation", async () => {
    const article = await createArticle(t.db, { actor: editor, input: { title: "Sources", text: TEXT } });
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: {
        kind: "CLAIM",
        ...span("the harbour office claimed"),
        verdict: "TRUE",
        sources: [{ url: "https://example.org/a", title: "Xylograph annual report", publisher: "Ombudsfolk Press" }],
      },
    });
    expect(await matching(t.db, "annotation", "xylograph")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "ombudsfolk")).toEqual([claim.id]);

    await addSource(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { url: "https://example.org/b", title: "Tamarisk ledger" },
    });
    expect(await matching(t.db, "annotation", "tamarisk")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "xylograph")).toEqual([claim.id]);

    const sources = await t.db.source.findMany({ where: { annotationId: claim.id }, orderBy: { position: "asc" } });
    await updateSource(t.db, { actor: editor, sourceId: sources[0].id, input: { title: "Bergamot annual report" } });
    expect(await matching(t.db, "annotation", "xylograph")).toEqual([]);
    expect(await matching(t.db, "annotation", "bergamot")).toEqual([claim.id]);
    expect(await matching(t.db, "annotation", "ombudsfolk")).toEqual([claim.id]);

    await deleteSource(t.db, { actor: editor, sourceId: sources[1].id });
    expect(await matching(t.db, "annotation", "tamarisk")).toEqual([]);
    expect(await matching(t.db, "annotation", "bergamot")).toEqual([claim.id]);

    // Deleting the annotation deletes its sources by cascade: their triggers must not bring its row back.
    const before = await indexRows(t.db);
    await deleteAnnotation(t.db, { actor: editor, annotationId: claim.id });
    expect(await matching(t.db, "annotation", "bergamot")).toEqual([]);
    expect(await matching(t.db, "annotation", "harbour")).toEqual([]);
    expect((await indexRows(t.db)).annotations).toBe(before.annotations - 1);
  });

  it("follows an article's title and the text of its current revision, and forgets a deleted article", async () => {
    const article = await createArticle(t.db, { actor: editor, input: { title: "Nightjar survey", text: TEXT } });
    expect(await matching(t.db, "article", "nightjar")).toEqual([article.id]);
    expect(await matching(t.db, "article", "zinc")).toEqual(expect.arrayContaining([article.id]));

    await t.db.article.update({ where: { id: article.id }, data: { title: "Corncrake survey" } });
    expect(await matching(t.db, "article", "nightjar")).toEqual([]);
    expect(await matching(t.db, "article", "corncrake")).toEqual([article.id]);

    const revised = TEXT.replace("zinc", "molybdenum");
    await addRevision(t.db, { actor: editor, articleId: article.id, input: { text: revised } });
    expect(await matching(t.db, "article", "molybdenum")).toEqual([article.id]);
    expect(await matching(t.db, "article", "zinc")).not.toContain(article.id);

    // An annotation write bumps the article's counters: the index row stays as it is (one row, same words).
    await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", ...span("molybdenum doubled", revised), verdict: "TRUE" },
    });
    expect(await matching(t.db, "article", "corncrake")).toEqual([article.id]);

    const before = await indexRows(t.db);
    await t.db.article.delete({ where: { id: article.id } });
    expect(await matching(t.db, "article", "corncrake")).toEqual([]);
    expect(await matching(t.db, "annotation", "molybdenum")).toEqual([]);
    expect((await indexRows(t.db)).articles).toBe(before.articles - 1);
  });

  it("has one index row per annotation and per article", async () => {
    const rows = await indexRows(t.db);
    expect(rows).toEqual({ annotations: await t.db.annotation.count(), articles: await t.db.article.count() });
    expect(rows.annotations).toBeGreaterThan(0);
  });

  it("has every trigger after all migrations (a table rebuilt by copy drops its triggers: the migration must add them again)", async () => {
    const triggers =
      provider === "sqlite"
        ? await t.db.$queryRaw<
            { name: string; table: string }[]
          >`SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'trigger'`
        : await t.db.$queryRaw<
            { name: string; table: string }[]
          >`SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal`;
    const expected = [
      ["AnnotationFts_annotation_insert", "Annotation"],
      ["AnnotationFts_annotation_update", "Annotation"],
      ["AnnotationFts_source_insert", "Source"],
      ["AnnotationFts_source_update", "Source"],
      ["AnnotationFts_source_delete", "Source"],
      ["ArticleFts_article_insert", "Article"],
      ["ArticleFts_article_update", "Article"],
      ["ArticleFts_revision_update", "ArticleRevision"],
      // PostgreSQL deletes an index row with its annotation or article by the foreign key's cascade.
      ...(provider === "sqlite"
        ? [
            ["AnnotationFts_annotation_delete", "Annotation"],
            ["ArticleFts_article_delete", "Article"],
            // The facet values copied into the key table (migration search_facet_keys).
            ["AnnotationFts_annotation_facets", "Annotation"],
          ]
        : []),
    ].map(([name, table]) => ({ name, table }));
    expect(triggers).toEqual(expect.arrayContaining(expected));
    if (provider === "postgresql") {
      const cascades = await t.db.$queryRaw<
        { name: string }[]
      >`SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND confdeltype = 'c' AND conname IN ('AnnotationFts_annotationId_fkey', 'ArticleFts_articleId_fkey')`;
      expect(cascades.map((row) => row.name).sort()).toEqual([
        "AnnotationFts_annotationId_fkey",
        "ArticleFts_articleId_fkey",
      ]);
    }
  });
});

/**
 * A database migrated up to just before `migration`, with an article and a claim written by plain SQL
 * (`claim` adds to its data), then `migration` applied: what it did to rows already there, and after.
 */
async function afterMigration(
  migration: string,
  claim: Record<string, unknown>,
  check: (db: Db, ids: { articleId: string; claimId: string }) => Promise<void>,
) {
  const all = readMigrationDirs(provider).map((dir) => dir.name);
  const root = tempMigrationsRoot(provider, all.indexOf(migration));
  const database = newTestDatabase();
  try {
    await applyPendingMigrations(database.target, root.root);
    const db = await createDb(database.target);
    const user = await db.user.create({ data: { email: "old@example.org", name: "Old" } });
    const article = await db.article.create({ data: { title: "Pangolin census", createdById: user.id } });
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, text: TEXT, blocks: "[]", createdById: user.id },
    });
    await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
    const { id: claimId } = await db.annotation.create({
      data: {
        articleId: article.id,
        revisionId: revision.id,
        kind: "CLAIM",
        ...span("zinc doubled"),
        quote: "zinc doubled",
        prefix: "",
        suffix: "",
        speaker: "Ottoline Brackenbury",
        createdById: user.id,
        ...claim,
      },
    });
    await db.$disconnect();

    root.addMigration(migration, fs.readFileSync(`${migrationsDir(provider)}/${migration}/migration.sql`, "utf8"));
    expect(await applyPendingMigrations(database.target, root.root)).toEqual([migration]);
    const after = await createDb(database.target);
    try {
      await check(after, { articleId: article.id, claimId });
    } finally {
      await after.$disconnect();
    }
  } finally {
    await database.drop();
    root.remove();
  }
}

describe(`the search index migration on ${provider}`, () => {
  it("back-fills a row for every annotation and article already there", async () => {
    await afterMigration(
      SEARCH_MIGRATION,
      { sources: { create: [{ url: "https://example.org/s", position: 0, title: "Saxifrage digest" }] } },
      async (after, { articleId, claimId }) => {
        expect(await matching(after, "annotation", "brackenbury")).toEqual([claimId]);
        expect(await matching(after, "annotation", "saxifrage")).toEqual([claimId]);
        expect(await matching(after, "article", "pangolin")).toEqual([articleId]);
        expect(await matching(after, "article", "harbour")).toEqual([articleId]);
        // And kept in step from then on.
        await after.annotation.update({ where: { id: claimId }, data: { note: "wombat" } });
        expect(await matching(after, "annotation", "wombat")).toEqual([claimId]);
      },
    );
  });
});

// SQLite only: PostgreSQL's facet counts read the Annotation rows through their covering index (decision 029,
// "Search speed, second pass"), so it has no such migration.
describe.runIf(provider === "sqlite")("the search facet keys migration on sqlite", () => {
  it("copies every indexed annotation's kind, verdict, status, speaker and date into the key table", async () => {
    await afterMigration(FACET_KEYS_MIGRATION, { verdict: "FALSE", status: "APPROVED" }, async (after, { claimId }) => {
      const keys = () =>
        after.$queryRaw<{ kind: string; verdict: string | null; status: string; speaker: string | null }[]>`
            SELECT "kind", "verdict", "status", "speaker" FROM "AnnotationFtsKey" WHERE "annotationId" = ${claimId}`;
      expect(await keys()).toEqual([
        { kind: "CLAIM", verdict: "FALSE", status: "APPROVED", speaker: "Ottoline Brackenbury" },
      ]);
      // And kept in step from then on.
      await after.annotation.update({ where: { id: claimId }, data: { verdict: "TRUE", status: "DRAFT" } });
      expect(await keys()).toEqual([
        { kind: "CLAIM", verdict: "TRUE", status: "DRAFT", speaker: "Ottoline Brackenbury" },
      ]);
    });
  });
});
