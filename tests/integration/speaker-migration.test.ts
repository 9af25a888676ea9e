import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { readMigrationDirs } from "@/lib/db/migration-files";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { migrationsDir } from "@/lib/db/schema-variants";
import { speakerNameKey } from "@/lib/domain/speaker-name";
import { newTestDatabase, testProvider } from "../support/test-database";
import { tempMigrationsRoot } from "../support/temp-root";

const provider = testProvider();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`the claim library migration on ${provider}`, () => {
  it("turns existing speaker text into one record per name key and links every annotation to it", async () => {
    const all = readMigrationDirs(provider).map((dir) => dir.name);
    const library = all.find((name) => name.endsWith("_claim_library"))!;
    const root = tempMigrationsRoot(provider, all.indexOf(library));
    cleanups.push(root.remove);
    const database = newTestDatabase();
    cleanups.push(database.drop);
    await applyPendingMigrations(database.target, root.root);
    const db = await createDb(database.target);
    const run = (sql: string) => db.$executeRawUnsafe(sql);
    await run(
      `INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt") VALUES ('u1', 'u1@example.org', 'U', 'EDITOR', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    await run(
      `INSERT INTO "Article" ("id", "title", "status", "version", "createdById", "createdAt", "updatedAt") VALUES ('a1', 'T', 'DRAFT', 1, 'u1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    await run(
      `INSERT INTO "ArticleRevision" ("id", "articleId", "number", "text", "blocks", "createdById", "createdAt") VALUES ('r1', 'a1', 1, 'x', '[]', 'u1', CURRENT_TIMESTAMP)`,
    );
    // "jane  doe" twice: the most common spelling names the record, whitespace collapsed.
    const speakers: [string, string | null][] = [
      ["n1", "Jane Doe"],
      ["n2", "jane  doe"],
      ["n3", " jane\tdoe "],
      ["n4", "John Roe"],
      ["n5", null],
      ["n6", "   "],
      ["n7", "JOSÉ Pérez"],
    ];
    for (const [i, [id, speaker]] of speakers.entries()) {
      const text = speaker === null ? "NULL" : `'${speaker.replace("\t", "' || char(9) || '")}'`;
      await run(
        `INSERT INTO "Annotation" ("id", "articleId", "revisionId", "kind", "number", "start", "end", "quote", "prefix", "suffix", "note", "speaker", "status", "version", "createdById", "createdAt", "updatedAt") VALUES ('${id}', 'a1', 'r1', 'CLAIM', ${i + 1}, 0, 1, 'x', '', '', '', ${provider === "postgresql" ? text.replace("char(9)", "chr(9)") : text}, 'DRAFT', 1, 'u1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      );
    }
    await db.$disconnect();
    root.addMigration(library, fs.readFileSync(`${migrationsDir(provider)}/${library}/migration.sql`, "utf8"));
    expect(await applyPendingMigrations(database.target, root.root)).toEqual([library]);

    const after = await createDb(database.target);
    cleanups.push(() => after.$disconnect());
    const records = await after.speaker.findMany({ orderBy: { nameKey: "asc" } });
    expect(records.map((record) => [record.name, record.nameKey])).toEqual([
      ["jane doe", "jane doe"],
      ["John Roe", "john roe"],
      ["JOSÉ Pérez", "josÉ pérez"],
    ]);
    // The SQL key is the app's key: later writes of these names find these records.
    for (const record of records) expect(speakerNameKey(record.name)).toBe(record.nameKey);
    for (const record of records) expect(record.id).toMatch(/^c[a-z0-9]{24}$/);
    const byKey = new Map(records.map((record) => [record.nameKey, record.id]));
    const links = Object.fromEntries(
      (await after.annotation.findMany({ select: { id: true, speakerId: true } })).map((row) => [
        row.id,
        row.speakerId,
      ]),
    );
    expect(links).toEqual({
      n1: byKey.get("jane doe"),
      n2: byKey.get("jane doe"),
      n3: byKey.get("jane doe"),
      n4: byKey.get("john roe"),
      n5: null,
      n6: null,
      n7: byKey.get("josÉ pérez"),
    });
  });
});
