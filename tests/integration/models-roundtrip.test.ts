import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
beforeAll(async () => {
  t = await migratedTestDatabase();
});
afterAll(() => t?.close());

/** Text that breaks naive handling: curly quotes, a French quote, an astral emoji, NUL-free control of newlines. */
const TRICKY = "“Quoted” — l’État « dit » 🚲 done\nsecond line";

describe(`every model round-trips on ${provider}`, () => {
  it("stores and reads back users, tokens, articles, revisions, annotations, sources, comments, sign-offs and audit events", async () => {
    const { db } = t;
    const editor = await db.user.create({
      data: { email: "editor@example.org", name: "Édith Editor", role: "EDITOR", passwordHash: "$2b$11$hash" },
    });
    const reviewer = await db.user.create({ data: { email: "reviewer@example.org", name: "Rae", role: "REVIEWER" } });
    const token = await db.apiToken.create({
      data: { userId: editor.id, name: "ci", tokenHash: "a".repeat(64), prefix: "fm_abcd" },
    });
    await db.signInAttempt.create({ data: { email: editor.email, ip: "127.0.0.1", succeeded: false } });

    const published = new Date("2026-03-14T09:26:53.589Z");
    const article = await db.article.create({
      data: {
        title: TRICKY,
        publisher: "Le Monde",
        author: "A. Writer",
        sourceUrl: "https://example.org/a",
        publishedAt: published,
        createdById: editor.id,
      },
    });
    const blocks = JSON.stringify([{ type: "paragraph", start: 0, end: TRICKY.length }]);
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, text: TRICKY, blocks, createdById: editor.id },
    });
    await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });

    const claim = await db.annotation.create({
      data: {
        articleId: article.id,
        revisionId: revision.id,
        kind: "CLAIM",
        number: 1,
        start: 0,
        end: 8,
        quote: "“Quoted”",
        prefix: "",
        suffix: " — l’État",
        speaker: "A spokesperson",
        note: "n",
        verdict: "MOSTLY_FALSE",
        rationale: "because",
        createdById: editor.id,
      },
    });
    const denial = await db.annotation.create({
      data: {
        articleId: article.id,
        revisionId: revision.id,
        kind: "DENIAL",
        number: 1,
        start: 21,
        end: 23,
        quote: "🚲",
        prefix: "x",
        suffix: "y",
        verdict: "UNVERIFIABLE",
        deniesId: claim.id,
        createdById: editor.id,
      },
    });
    await db.source.createMany({
      data: [
        {
          annotationId: claim.id,
          position: 0,
          url: "https://example.org/one",
          title: "One",
          publisher: "P",
          quote: "q",
          accessedAt: published,
          archiveUrl: "https://web.archive.org/x",
        },
        { annotationId: claim.id, position: 1, url: "https://example.org/two" },
      ],
    });
    await db.comment.create({ data: { annotationId: claim.id, authorId: reviewer.id, body: "Check the date 📅" } });
    await db.signOff.create({
      data: { annotationId: claim.id, reviewerId: reviewer.id, decision: "CHANGES_REQUESTED", note: "source?" },
    });
    await db.signOff.create({ data: { articleId: article.id, reviewerId: reviewer.id, decision: "APPROVED" } });
    await db.auditEvent.create({
      data: {
        articleId: article.id,
        annotationId: claim.id,
        actorId: editor.id,
        action: "annotation.created",
        payload: JSON.stringify({ version: 1, quote: "“Quoted”" }),
      },
    });

    const loaded = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      include: {
        currentRevision: true,
        annotations: {
          orderBy: { start: "asc" },
          include: { sources: { orderBy: { position: "asc" } }, comments: true, signOffs: true, denies: true },
        },
        signOffs: true,
        auditEvents: true,
      },
    });
    expect(loaded.title).toBe(TRICKY);
    expect(loaded.publishedAt?.toISOString()).toBe(published.toISOString());
    expect(loaded.status).toBe("DRAFT");
    expect(loaded.version).toBe(1);
    expect(loaded.currentRevision?.text).toBe(TRICKY);
    expect(JSON.parse(loaded.currentRevision!.blocks)).toEqual([{ type: "paragraph", start: 0, end: TRICKY.length }]);
    expect(loaded.annotations.map((a) => [a.kind, a.quote, a.status, a.version])).toEqual([
      ["CLAIM", "“Quoted”", "DRAFT", 1],
      ["DENIAL", "🚲", "DRAFT", 1],
    ]);
    expect(loaded.annotations[1].denies?.id).toBe(claim.id);
    expect(loaded.annotations[0].sources.map((s) => s.url)).toEqual([
      "https://example.org/one",
      "https://example.org/two",
    ]);
    expect(loaded.annotations[0].sources[0].accessedAt?.toISOString()).toBe(published.toISOString());
    expect(loaded.annotations[0].comments[0].body).toBe("Check the date 📅");
    expect(loaded.annotations[0].signOffs[0].decision).toBe("CHANGES_REQUESTED");
    expect(loaded.signOffs[0].decision).toBe("APPROVED");
    expect(JSON.parse(loaded.auditEvents[0].payload)).toEqual({ version: 1, quote: "“Quoted”" });
    expect(typeof loaded.auditEvents[0].id).toBe("number");
    expect((await db.apiToken.findUniqueOrThrow({ where: { tokenHash: "a".repeat(64) } })).id).toBe(token.id);
    expect(await db.signInAttempt.count({ where: { email: editor.email, succeeded: false } })).toBe(1);
    expect(denial.deniesId).toBe(claim.id);
  });

  it("refuses a second user with the same email, and a revision number twice for one article", async () => {
    const { db } = t;
    const user = await db.user.create({ data: { email: "dup@example.org", name: "One" } });
    await expect(db.user.create({ data: { email: "dup@example.org", name: "Two" } })).rejects.toThrow();
    const article = await db.article.create({ data: { title: "t", createdById: user.id } });
    await db.articleRevision.create({
      data: { articleId: article.id, number: 1, text: "a", blocks: "[]", createdById: user.id },
    });
    await expect(
      db.articleRevision.create({
        data: { articleId: article.id, number: 1, text: "b", blocks: "[]", createdById: user.id },
      }),
    ).rejects.toThrow();
  });

  it("has indexes for annotations by article and audit events by article and time", async () => {
    const sql =
      provider === "sqlite"
        ? `SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'index'`
        : `SELECT indexname AS name, tablename AS "table" FROM pg_indexes WHERE schemaname = 'public'`;
    const names = (await t.db.$queryRawUnsafe<{ name: string }[]>(sql)).map((row) => row.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Annotation_articleId_start_idx",
        "AuditEvent_articleId_createdAt_idx",
        "AuditEvent_articleId_id_idx",
        "Source_annotationId_position_idx",
        "User_email_key",
      ]),
    );
  });
});
