import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { hashApiToken } from "@/lib/auth/tokens";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "@/lib/import/fixtures/news-page";
import { runCli } from "../support/cli";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

/** The story's parts that are its body: the headline is the article's title, not part of its text. */
const bodyParts = Object.values(NEWS_PAGE_TEXT).filter((part) => part !== NEWS_PAGE_TEXT.headline);

const provider = testProvider();
let database: MigratedTestDatabase;
beforeAll(async () => {
  database = await migratedTestDatabase();
});
afterAll(() => database?.close());

const cli = (...args: string[]) => runCli(database.target.url, args);

/** Exit 1 and exactly one line on stderr (no stack trace). */
function expectOneLineFailure(result: { code: number; stdout: string; stderr: string }, line: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(line);
}

const user = (email: string) => database.db.user.findUniqueOrThrow({ where: { email } });

describe(`npm run cli on ${provider}`, () => {
  it("users add with --password creates the user and prints its id, email and role", async () => {
    const result = await cli(
      "users",
      "add",
      "--email",
      " Foo@Example.org ",
      "--name",
      "Foo",
      "--role",
      "ADMIN",
      "--password",
      "correct horse battery",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const stored = await user("foo@example.org");
    expect(result.stdout).toContain(stored.id);
    expect(result.stdout).toContain("foo@example.org");
    expect(result.stdout).toContain("ADMIN");
    expect(result.stdout).not.toContain("Password");
    expect(await verifyPassword("correct horse battery", stored.passwordHash!)).toBe(true);
    expect(await database.db.auditEvent.findFirst({ where: { action: "user.created" } })).toMatchObject({
      actorId: null,
    });
  });

  it("users add without --password and no TTY generates a password and prints it once", async () => {
    const result = await cli("users", "add", "--email", "bar@example.org", "--name", "Bar", "--role", "editor");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n").filter((line) => line.startsWith("Password (shown once): "));
    expect(lines).toHaveLength(1);
    const password = lines[0].slice("Password (shown once): ".length);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(result.stdout.split(password)).toHaveLength(2);
    const stored = await user("bar@example.org");
    expect(stored.role).toBe("EDITOR");
    expect(await verifyPassword(password, stored.passwordHash!)).toBe(true);
  });

  it("refuses a duplicate email whatever its case and spacing", async () => {
    const result = await cli(
      "users",
      "add",
      "--email",
      " FOO@example.ORG ",
      "--name",
      "Foo again",
      "--role",
      "EDITOR",
      "--password",
      "another password",
    );
    expectOneLineFailure(result, /^email: a user with this email already exists$/);
    expect(await database.db.user.count({ where: { name: "Foo again" } })).toBe(0);
  });

  it("refuses an unknown role, naming role, and a missing flag, naming it", async () => {
    expectOneLineFailure(
      await cli(
        "users",
        "add",
        "--email",
        "king@example.org",
        "--name",
        "King",
        "--role",
        "KING",
        "--password",
        "long enough pw",
      ),
      /^role: must be one of ADMIN, EDITOR, REVIEWER$/,
    );
    expectOneLineFailure(
      await cli("users", "add", "--email", "king@example.org", "--role", "EDITOR"),
      /^name: is required/,
    );
    expect(await database.db.user.findUnique({ where: { email: "king@example.org" } })).toBeNull();
  });

  it("users list shows every user's email, name, role and status", async () => {
    const result = await cli("users", "list");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/EMAIL\s+NAME\s+ROLE\s+STATUS/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^bar@example\.org\s+Bar\s+EDITOR\s+active$/),
      expect.stringMatching(/^foo@example\.org\s+Foo\s+ADMIN\s+active$/),
    ]);
  });

  it("users set-role changes the role", async () => {
    const result = await cli("users", "set-role", "--email", "Bar@Example.org", "--role", "REVIEWER");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await user("bar@example.org")).role).toBe("REVIEWER");
  });

  it("tokens create prints the token alone on its last line and stores only its hash", async () => {
    const result = await cli("tokens", "create", "--email", "bar@example.org", "--name", "ci");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(1);
    const token = lines.at(-1)!;
    expect(token).toMatch(/^fm_[\w-]{43}$/);
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    expect(row).toMatchObject({ userId: (await user("bar@example.org")).id, name: "ci", revokedAt: null });
  });

  it("tokens create refuses an unknown email", async () => {
    expectOneLineFailure(
      await cli("tokens", "create", "--email", "nobody@example.org", "--name", "ci"),
      /^email: no user with this email$/,
    );
  });

  it("users deactivate sets deactivatedAt, and tokens create then refuses the user", async () => {
    const result = await cli("users", "deactivate", "--email", "bar@example.org");
    expect(result.code).toBe(0);
    expect((await user("bar@example.org")).deactivatedAt).toBeInstanceOf(Date);

    const tokensBefore = await database.db.apiToken.count();
    expectOneLineFailure(
      await cli("tokens", "create", "--email", "bar@example.org", "--name", "late"),
      /^email: this user is deactivated$/,
    );
    expect(await database.db.apiToken.count()).toBe(tokensBefore);
  });

  it("prints usage to stderr and exits 2 for an unknown command", async () => {
    const result = await cli("users", "frobnicate");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Usage: npm run cli -- <command>");
  });

  it("import reads a text file unchanged or an HTML file sanitized, as the named user, and prints the id last", async () => {
    const fixture = path.resolve("../shared/fixtures/seed-article.txt");
    const text = await cli("import", fixture, "--title", "Seed article", "--email", "foo@example.org");
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const id = text.stdout.trim().split("\n").at(-1)!;
    const article = await database.db.article.findUniqueOrThrow({
      where: { id },
      include: { currentRevision: true, createdBy: true },
    });
    expect(article.currentRevision?.text).toBe(fs.readFileSync(fixture, "utf8").replace(/\r\n?/g, "\n"));
    expect(article.createdBy.email).toBe("foo@example.org");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-cli-"));
    const htmlFile = path.join(dir, "story.html");
    fs.writeFileSync(htmlFile, "<h1>Head</h1><p>Said “this” <script>alert(1)</script></p>");
    const html = await cli("import", htmlFile, "--title", "HTML story", "--email", "foo@example.org");
    fs.rmSync(dir, { recursive: true, force: true });
    expect(html.code).toBe(0);
    const imported = await database.db.articleRevision.findFirstOrThrow({
      where: { articleId: html.stdout.trim().split("\n").at(-1)! },
    });
    expect(imported.text).toBe("Head\n\nSaid “this”");

    expectOneLineFailure(await cli("import", "/nonexistent/story.txt", "--title", "x"), /^file: no such file/);
  });

  it("import reads a whole saved page as the import form does: the article only, its headline when no --title, and says what it found", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-cli-"));
    const pageFile = path.join(dir, "saved.html");
    fs.writeFileSync(pageFile, NEWS_PAGE);
    const result = await cli("import", pageFile, "--email", "foo@example.org");
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // 'Found "<headline>" by … (publisher) published … in en-GB; kept 7 of 12 blocks (5 left out: 4 page, 1 caption).'
    expect(result.stdout).toMatch(/^Found ".+"[^\n]*; kept \d+ of \d+ blocks/m);
    const article = await database.db.article.findUniqueOrThrow({
      where: { id: result.stdout.trim().split("\n").at(-1)! },
      include: { currentRevision: true },
    });
    expect(article.title).not.toBe("");
    for (const part of bodyParts) expect(article.currentRevision?.text).toContain(part);
    expect(article.currentRevision?.text).not.toContain("Ferry fares");
  });

  it("revise adds a file as the article's next revision with its note, and prints the number and the counts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-cli-"));
    const first = path.join(dir, "story.txt");
    const second = path.join(dir, "story-2.htm");
    const text = "The mayor said crime fell by half. The chief said it rose.";
    fs.writeFileSync(first, text);
    fs.writeFileSync(second, "<p>The mayor said crime fell by a third. The chief said it rose.</p><p>Added later.</p>");
    const foo = await database.db.user.create({ data: { email: "reviser@example.org", name: "Rev", role: "EDITOR" } });
    const imported = await cli("import", first, "--title", "Crime", "--email", foo.email);
    const articleId = imported.stdout.trim().split("\n").at(-1)!;
    const actor = { id: foo.id, email: foo.email, name: foo.name, role: foo.role, via: "cli" as const };
    for (const phrase of ["crime fell by half", "The chief said it rose"])
      await createAnnotation(database.db, {
        actor,
        articleId,
        input: { kind: "CLAIM", start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length },
      });

    const result = await cli("revise", articleId, second, "--note", "figure corrected", "--email", foo.email);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Added revision 2 .*: 1 annotation\(s\) kept, 1 with changed words \(back to review\), 0 not placed/,
    );
    const revision = await database.db.articleRevision.findFirstOrThrow({ where: { articleId, number: 2 } });
    expect(revision).toMatchObject({
      text: "The mayor said crime fell by a third. The chief said it rose.\n\nAdded later.",
      note: "figure corrected",
      createdById: foo.id,
      changedCount: 1,
    });

    expectOneLineFailure(
      await cli("revise", articleId, second, "--email", foo.email),
      /^html: is the same text as the current revision \(2\)/,
    );
    expectOneLineFailure(await cli("revise", articleId, path.join(dir, "missing.txt")), /^file: no such file/);
    expectOneLineFailure(await cli("revise", "no-such-article", first, "--email", foo.email), /^No such article/);
    expectOneLineFailure(await cli("revise", articleId), /^file: is required/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
