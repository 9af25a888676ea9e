import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";
import { createArticle } from "@/lib/server/article/create-article";
import { exportArticle } from "@/lib/server/article/export-article";
import { getSpeaker } from "@/lib/server/speaker/get-speaker";
import { listSpeakers } from "@/lib/server/speaker/list-speakers";
import { mergeSpeakers } from "@/lib/server/speaker/merge-speakers";
import { resolveSpeaker } from "@/lib/server/speaker/resolve-speaker";
import { updateSpeaker } from "@/lib/server/speaker/update-speaker";
import { createActor } from "../support/actors";
import { refusal } from "../support/refusal";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
let t: MigratedTestDatabase;
let editor: Actor;
let admin: Actor;
let reviewer: Actor;

const at = (phrase: string) => {
  const start = seed.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in the seed article: ${phrase}`);
  return { start, end: start + phrase.length };
};
const newArticle = async (title = "Speakers") =>
  (await createArticle(t.db, { actor: editor, input: { title, text: seed } })).id;
const claim = (articleId: string, phrase: string, extra: Record<string, unknown> = {}) =>
  createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", ...at(phrase), ...extra } });
const linkOf = async (id: string) =>
  await t.db.annotation.findUniqueOrThrow({ where: { id }, select: { speaker: true, speakerId: true } });

/** Refused with this code, naming a field that matches `field` when given. */
async function expectRefusal(promise: Promise<unknown>, code: string, field?: RegExp) {
  const refused = await refusal(promise);
  expect(refused?.code).toBe(code);
  if (field) expect((refused?.fields ?? []).join(",")).toMatch(field);
}

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  admin = await createActor(t.db, "ADMIN", "admin@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
});
afterAll(() => t?.close());

describe(`speaker records on ${provider}`, () => {
  it("link every write to one record per name key: create, update, W3C import; no name, no link", async () => {
    const articleId = await newArticle();
    const a = await claim(articleId, "Jake Sullivan", { speaker: "Jake Sullivan", verdict: "TRUE" });
    const b = await claim(articleId, "Yang Jiechi", { speaker: "  jake   SULLIVAN " });
    const none = await claim(articleId, "Italian capital", { speaker: "   " });
    const first = await linkOf(a.id);
    expect(first.speakerId).toMatch(/^c[a-z0-9]{24}$/);
    expect(await linkOf(b.id)).toEqual({ speaker: "jake   SULLIVAN", speakerId: first.speakerId });
    expect(await linkOf(none.id)).toEqual({ speaker: null, speakerId: null });
    expect(await t.db.speaker.findUniqueOrThrow({ where: { id: first.speakerId! } })).toMatchObject({
      name: "Jake Sullivan",
      nameKey: "jake sullivan",
    });

    // A new name re-links; clearing it unlinks; a detail edit that leaves the name alone keeps the link.
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: b.id,
      input: { version: b.version, speaker: "Yang Jiechi" },
    });
    const yang = await linkOf(b.id);
    expect(yang.speakerId).not.toBe(first.speakerId);
    await updateAnnotation(t.db, { actor: editor, annotationId: b.id, input: { version: b.version + 1, note: "n" } });
    expect(await linkOf(b.id)).toEqual(yang);
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: b.id,
      input: { version: b.version + 2, speaker: null },
    });
    expect(await linkOf(b.id)).toEqual({ speaker: null, speakerId: null });

    // A suggestion picked: the record's id wins over the text's key, and alone it brings the record's name.
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: b.id,
      input: { version: b.version + 3, speakerId: first.speakerId },
    });
    expect(await linkOf(b.id)).toEqual({ speaker: "Jake Sullivan", speakerId: first.speakerId });
    const unknown = "c" + "0".repeat(24);
    await expectRefusal(claim(articleId, "Rome", { speaker: "X", speakerId: unknown }), "INVALID", /speakerId/);

    // The W3C import writes through the same path: the exported speaker text finds the same record.
    const document = JSON.parse(
      (
        await exportArticle(t.db, {
          actor: editor,
          articleId,
          input: { format: "w3c" },
          baseUrl: "https://factmark.example",
          publisher: "Desk",
        })
      ).body,
    );
    const copy = await newArticle("Copy");
    const imported = await importW3cAnnotations(t.db, { actor: editor, articleId: copy, input: document });
    expect(imported.rejected).toEqual([]);
    const links = await t.db.annotation.findMany({ where: { articleId: copy }, select: { speakerId: true } });
    expect(links.map((row) => row.speakerId).filter(Boolean)).toEqual([first.speakerId, first.speakerId]);
  });

  it("resolves two writers bringing one new name at once to one record", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(() => t.db.$transaction((tx) => resolveSpeaker(tx, { speaker: "Ada Parallel" }))),
    );
    expect(new Set(ids.map((id) => id.speakerId)).size).toBe(1);
    expect(await t.db.speaker.count({ where: { nameKey: "ada parallel" } })).toBe(1);
    // Written by raw SQL: Prisma must read its dates back as it reads its own.
    const row = await t.db.speaker.findUniqueOrThrow({ where: { nameKey: "ada parallel" } });
    expect(row.createdAt.getTime()).not.toBeNaN();
  });

  it("lists records with their tallies, matches names and aliases without case or accents, most checked first", async () => {
    const articleId = await newArticle("Pérez");
    await claim(articleId, "Jake Sullivan", { speaker: "José Pérez", verdict: "FALSE" });
    await claim(articleId, "Yang Jiechi", { speaker: "José Pérez", verdict: "FALSE" });
    await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", ...at("Italian capital"), speaker: "José Pérez" },
    });
    const found = await listSpeakers(t.db, { actor: editor, input: { q: "JOSE" } });
    expect(found.items.map((item) => item.name)).toEqual(["José Pérez"]);
    expect(found.items[0]).toMatchObject({ claims: 2, denials: 1, verdicts: { FALSE: 2, unrated: 1 } });
    expect(found.items[0].lastCheckedAt).toMatch(/^\d{4}-/);
    expect((await listSpeakers(t.db, { actor: editor, input: { q: "perez" } })).total).toBe(1);
    expect((await listSpeakers(t.db, { actor: editor, input: { q: "erez" } })).total).toBe(0);
    const all = await listSpeakers(t.db, { actor: editor, input: {} });
    const checked = all.items.map((item) => item.claims + item.denials);
    expect(checked).toEqual([...checked].sort((x, y) => y - x));
    const perez = all.items.find((item) => item.name === "José Pérez")!;
    await expectRefusal(listSpeakers(t.db, { actor: editor, input: { page: "0" } }), "INVALID", /page/);

    const detail = await getSpeaker(t.db, { actor: editor, speakerId: perez.id, input: {} });
    expect(detail).toMatchObject({ claims: 2, denials: 1, verdicts: { FALSE: 2, unrated: 1 }, total: 3 });
    const month = new Date().toISOString().slice(0, 7);
    expect(detail.months).toEqual([{ month, verdicts: { FALSE: 2, unrated: 1 } }]);
    expect(detail.items[0].article).toMatchObject({ id: articleId, title: "Pérez" });
    const falseOnly = await getSpeaker(t.db, { actor: editor, speakerId: perez.id, input: { verdict: "FALSE" } });
    expect(falseOnly.items.map((item) => item.verdict)).toEqual(["FALSE", "FALSE"]);
    expect(falseOnly.verdicts).toEqual(detail.verdicts);
    await expectRefusal(
      getSpeaker(t.db, { actor: editor, speakerId: perez.id, input: { verdict: "MAYBE" } }),
      "INVALID",
      /verdict/,
    );
    await expectRefusal(getSpeaker(t.db, { actor: editor, speakerId: "c" + "1".repeat(24) }), "NOT_FOUND");
  });

  it("merges two records (admins only): annotations move, names become aliases, the audit log records it", async () => {
    const articleId = await newArticle("Merge");
    const a = await claim(articleId, "Jake Sullivan", { speaker: "Joe Biden" });
    const b = await claim(articleId, "Yang Jiechi", { speaker: "J. R. Biden" });
    const into = (await linkOf(a.id)).speakerId!;
    const from = (await linkOf(b.id)).speakerId!;
    await t.db.speakerAlias.create({ data: { speakerId: from, name: "Joseph Biden", nameKey: "joseph biden" } });

    await expectRefusal(mergeSpeakers(t.db, { actor: editor, speakerId: into, input: { from } }), "FORBIDDEN");
    await expectRefusal(
      mergeSpeakers(t.db, { actor: admin, speakerId: into, input: { from: into } }),
      "INVALID",
      /from/,
    );
    await expectRefusal(mergeSpeakers(t.db, { actor: admin, speakerId: into, input: {} }), "INVALID", /from/);
    const missing = "c" + "2".repeat(24);
    await expectRefusal(
      mergeSpeakers(t.db, { actor: admin, speakerId: into, input: { from: missing } }),
      "INVALID",
      /from/,
    );
    await expectRefusal(mergeSpeakers(t.db, { actor: admin, speakerId: missing, input: { from } }), "NOT_FOUND");

    const merged = await mergeSpeakers(t.db, { actor: admin, speakerId: into, input: { from } });
    expect(merged).toMatchObject({ id: into, name: "Joe Biden", annotations: 1 });
    expect(merged.aliases.sort()).toEqual(["J. R. Biden", "Joseph Biden"]);
    expect(await t.db.speaker.findUnique({ where: { id: from } })).toBeNull();
    expect((await linkOf(b.id)).speakerId).toBe(into);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "speaker.merged" } });
    expect(JSON.parse(event.payload)).toMatchObject({ into: { id: into }, from: { id: from, name: "J. R. Biden" } });
    expect(event.actorId).toBe(admin.id);

    // The merged names now resolve to the record they were merged into.
    const later = await claim(articleId, "Italian capital", { speaker: "j. r.  biden" });
    expect((await linkOf(later.id)).speakerId).toBe(into);
    const alias = await claim(articleId, "Rome", { speaker: "JOSEPH BIDEN" });
    expect((await linkOf(alias.id)).speakerId).toBe(into);
    const listed = await listSpeakers(t.db, { actor: editor, input: { q: "joseph" } });
    expect(listed.items.map((item) => [item.id, item.claims])).toEqual([[into, 4]]);
  });

  it("edits a record's profile and name (any editor): the old name becomes an alias, a taken name is 422, audited", async () => {
    const articleId = await newArticle("Edit");
    const a = await claim(articleId, "Jake Sullivan", { speaker: "Xi Jinping" });
    const b = await claim(articleId, "Yang Jiechi", { speaker: "Yang Jiechi" });
    const id = (await linkOf(a.id)).speakerId!;
    const other = (await linkOf(b.id)).speakerId!;

    const profiled = await updateSpeaker(t.db, {
      actor: editor,
      speakerId: id,
      input: { role: " President ", affiliation: "People's Republic of China", description: "Head of state." },
    });
    expect(profiled).toMatchObject({
      id,
      name: "Xi Jinping",
      role: "President",
      affiliation: "People's Republic of China",
    });
    // Blank clears; an absent field stays.
    expect(await updateSpeaker(t.db, { actor: reviewer, speakerId: id, input: { description: "  " } })).toMatchObject({
      role: "President",
      description: null,
    });

    await expectRefusal(updateSpeaker(t.db, { actor: editor, speakerId: id, input: {} }), "INVALID");
    await expectRefusal(updateSpeaker(t.db, { actor: editor, speakerId: id, input: { name: " " } }), "INVALID", /name/);
    await expectRefusal(
      updateSpeaker(t.db, { actor: editor, speakerId: id, input: { role: "x".repeat(201) } }),
      "INVALID",
      /role/,
    );
    await expectRefusal(updateSpeaker(t.db, { actor: editor, speakerId: id, input: { colour: "red" } }), "INVALID");
    // Another record's name (any case) is the same person: merge instead, and nothing changed.
    await expectRefusal(
      updateSpeaker(t.db, { actor: editor, speakerId: id, input: { name: "YANG JIECHI", role: "Changed" } }),
      "INVALID",
      /name/,
    );
    expect(await t.db.speaker.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Xi Jinping",
      role: "President",
    });
    const missing = "c" + "3".repeat(24);
    await expectRefusal(updateSpeaker(t.db, { actor: editor, speakerId: missing, input: { role: "x" } }), "NOT_FOUND");

    const renamed = await updateSpeaker(t.db, {
      actor: editor,
      speakerId: id,
      input: { name: "President Xi Jinping" },
    });
    expect(renamed).toMatchObject({ name: "President Xi Jinping", aliases: ["Xi Jinping"] });
    // The old name still lands on the record; the annotation keeps its text as written.
    const later = await claim(articleId, "Italian capital", { speaker: "xi jinping" });
    expect(await linkOf(later.id)).toEqual({ speaker: "xi jinping", speakerId: id });
    expect(await linkOf(a.id)).toEqual({ speaker: "Xi Jinping", speakerId: id });
    // Back to a name it has as an alias: the alias and the name swap.
    expect(await updateSpeaker(t.db, { actor: editor, speakerId: id, input: { name: "Xi Jinping" } })).toMatchObject({
      name: "Xi Jinping",
      aliases: ["President Xi Jinping"],
    });
    // Every answer carries the link, so the workbench can point to the speaker's page at once.
    expect(a.speakerId).toBe(id);
    const relinked = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: b.id,
      input: { version: b.version, speaker: "President Xi Jinping" },
    });
    expect(relinked.speakerId).toBe(id);
    expect(other).not.toBe(id);

    const events = await t.db.auditEvent.findMany({ where: { action: "speaker.updated" }, orderBy: { id: "asc" } });
    expect(events.map((event) => JSON.parse(event.payload))).toEqual([
      {
        speakerId: id,
        name: "Xi Jinping",
        from: { role: null, affiliation: null, description: null },
        to: { role: "President", affiliation: "People's Republic of China", description: "Head of state." },
      },
      { speakerId: id, name: "Xi Jinping", from: { description: "Head of state." }, to: { description: null } },
      {
        speakerId: id,
        name: "President Xi Jinping",
        from: { name: "Xi Jinping" },
        to: { name: "President Xi Jinping" },
      },
      { speakerId: id, name: "Xi Jinping", from: { name: "President Xi Jinping" }, to: { name: "Xi Jinping" } },
    ]);
  });
});
