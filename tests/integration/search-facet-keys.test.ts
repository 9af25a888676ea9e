import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { addRevision } from "@/lib/server/article/add-revision";
import { createArticle } from "@/lib/server/article/create-article";
import { searchLibrary } from "@/lib/server/search/search-library";
import { mergeSpeakers } from "@/lib/server/speaker/merge-speakers";
import type { SearchResult } from "@/lib/views/search-view";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";
import { spanOf } from "../support/text-span";

// #18, decision 029 "Facet values beside the index": on SQLite the filters and facet counts of a search
// read kind, verdict, status, speaker and date from the index's key table, which triggers keep in step.
// Every annotation here has "pelican" in its note, so a search for it must count exactly what browsing
// (no words: counted from the Annotation rows themselves) counts, after every kind of write.
const provider = testProvider();

const TEXT =
  "The mayor said the pier cost four million to repair.\n\n" +
  "Fishers claimed the harbour dues doubled in a year.\n\n" +
  "The council denied that any dues were raised at all.";

const span = (phrase: string) => spanOf(TEXT, phrase);

let t: MigratedTestDatabase;
let editor: Actor;
let admin: Actor;
let articleId = "";
const ids: Record<string, string> = {};

const search = (input: Record<string, unknown>) => searchLibrary(t.db, { actor: editor, input });
const counts = (result: SearchResult) => ({ total: result.annotations.total, facets: result.facets });

/** The word search's counts equal browsing's (read from Annotation), with no filter and with each kind of filter. */
async function expectExactFacets() {
  const filterSets: Record<string, string>[] = [
    {},
    { verdict: "FALSE" },
    { status: "APPROVED" },
    { kind: "CLAIM", verdict: "TRUE" },
    { speaker: "Mayor Quill" },
    { speaker: "Fishers' Guild", status: "DRAFT" },
  ];
  for (const filters of filterSets)
    expect(counts(await search({ q: "pelican", ...filters })), JSON.stringify(filters)).toEqual(
      counts(await search(filters)),
    );
}

/** On SQLite, the key table's copies equal the annotation's own columns, row for row. */
async function expectKeysInStep() {
  if (provider !== "sqlite") return;
  const [{ annotations }] = await t.db.$queryRaw<{ annotations: bigint | number }[]>`
    SELECT count(*) AS "annotations" FROM "Annotation"`;
  const rows = await t.db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Annotation" a LEFT JOIN "AnnotationFtsKey" k ON k."annotationId" = a."id"
    WHERE k."id" IS NULL OR k."kind" IS NOT a."kind" OR k."verdict" IS NOT a."verdict" OR k."status" IS NOT a."status"
      OR k."speakerId" IS NOT a."speakerId" OR k."speaker" IS NOT a."speaker" OR k."createdAt" IS NOT a."createdAt"`;
  expect(rows).toEqual([]);
  const [{ keys }] = await t.db.$queryRaw<
    { keys: bigint | number }[]
  >`SELECT count(*) AS "keys" FROM "AnnotationFtsKey"`;
  expect(Number(keys)).toBe(Number(annotations));
}

async function expectInStep() {
  await expectKeysInStep();
  await expectExactFacets();
}

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "facets-ed@example.org");
  admin = await createActor(t.db, "ADMIN", "facets-admin@example.org");
  articleId = (await createArticle(t.db, { actor: editor, input: { title: "Pier repairs", text: TEXT } })).id;
  const make = async (name: string, phrase: string, fields: object) => {
    ids[name] = (
      await createAnnotation(t.db, { actor: editor, articleId, input: { ...span(phrase), note: "pelican", ...fields } })
    ).id;
  };
  await make("pier", "the pier cost four million", { kind: "CLAIM", speaker: "Mayor Quill", verdict: "FALSE" });
  await make("dues", "the harbour dues doubled", { kind: "CLAIM", speaker: "Fishers' Guild", verdict: "TRUE" });
  await make("denied", "any dues were raised", { kind: "DENIAL", speaker: "Town council", verdict: "MISLEADING" });
  await make("analysis", "to repair", { kind: "ANALYSIS" });
});
afterAll(() => t?.close());

describe(`facet counts of a word search on ${provider}`, () => {
  it("are exact after creation", async () => {
    expect((await search({ q: "pelican" })).annotations.total).toBe(4);
    await expectInStep();
  });

  it("stay exact after verdict, status, kind and speaker changes, through the use case and by plain SQL", async () => {
    const version = async (id: string) => (await t.db.annotation.findUniqueOrThrow({ where: { id } })).version;
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: ids.pier,
      input: { version: await version(ids.pier), verdict: "MOSTLY_TRUE", speaker: "Fishers' Guild" },
    });
    await expectInStep();
    // Any write path: the triggers, not the use cases, keep the copies.
    await t.db.annotation.update({ where: { id: ids.dues }, data: { status: "APPROVED", verdict: "FALSE" } });
    await t.db.annotation.updateMany({ where: { articleId }, data: { status: "SUBMITTED" } });
    await t.db.annotation.update({ where: { id: ids.denied }, data: { createdAt: new Date("2020-05-01") } });
    await expectInStep();
    const old = await search({ q: "pelican", to: "2021-01-01" });
    expect(old.annotations.items.map((item) => item.id)).toEqual([ids.denied]);
  });

  it("stay exact after a speaker record is renamed, merged and deleted", async () => {
    const speakerOf = async (id: string) => (await t.db.annotation.findUniqueOrThrow({ where: { id } })).speakerId;
    const guild = await speakerOf(ids.dues);
    const council = await speakerOf(ids.denied);
    expect(guild && council).toBeTruthy();
    await t.db.speaker.update({ where: { id: guild! }, data: { name: "Harbour Fishers" } });
    expect(
      Object.keys(Object.fromEntries((await search({ q: "pelican" })).facets.speaker.map((s) => [s.value, 1]))),
    ).toContain("Harbour Fishers");
    await expectInStep();
    await mergeSpeakers(t.db, { actor: admin, speakerId: guild!, input: { from: council } });
    await expectInStep();
    // Deleting the record sets the annotations' speakerId to null (the foreign key's action).
    await t.db.speaker.delete({ where: { id: guild! } });
    await expectInStep();
  });

  it("stay exact after a revision and a deletion", async () => {
    await addRevision(t.db, {
      actor: editor,
      articleId,
      input: { text: TEXT.replace("four million", "five million") },
    });
    await expectInStep();
    await deleteAnnotation(t.db, { actor: editor, annotationId: ids.analysis });
    await expectInStep();
    expect((await search({ q: "pelican" })).annotations.total).toBe(3);
  });
});
