import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { blocksToHtml } from "@/lib/import/content-html";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "@/lib/import/fixtures/news-page";
import type { extractPage } from "@/lib/import/page/extract-page";
import { NotAnArticle } from "@/lib/import/page/types";
import { addRevision } from "@/lib/server/article/add-revision";
import { createArticle } from "@/lib/server/article/create-article";
import { getArticle } from "@/lib/server/article/get-article";
import { previewArticle } from "@/lib/server/article/preview-article";
import type { AppError } from "@/lib/server/shared/errors";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

/** The story's parts that are its body: the headline is the article's title, not part of its text. */
const bodyParts = Object.values(NEWS_PAGE_TEXT).filter((part) => part !== NEWS_PAGE_TEXT.headline);

/**
 * Which pages are articles is the extractor's call (lib/import/page/extract-page.ts, with its own corpus test); here
 * a page that says so is refused, so the test is of what every way in does with the refusal.
 */
const REFUSED = "<!-- a login wall -->";
vi.mock("@/lib/import/page/extract-page", async (original) => {
  const real = await original<{ extractPage: typeof extractPage }>();
  return {
    extractPage: (html: string, options?: { url?: string }) => {
      if (html.includes(REFUSED)) throw new NotAnArticle("This page asks readers to sign in; it shows no article.");
      return real.extractPage(html, options);
    },
  };
});

const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
});
afterAll(() => t?.close());

/** A saved page: the article's paragraphs inside a site's chrome, padded to `bytes` with an inline script. */
function savedPage(paragraphs: string[], bytes = 0): string {
  const head = `<!doctype html><html lang="en"><head><title>Ferry story | The Harbour Gazette</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport menu</a></li></ul></nav>
<article><h1>Ferry timetable cut</h1>${paragraphs.map((text) => `<p>${text}</p>`).join("\n")}</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Most read story</a></li></ul></aside>
<footer>© The Harbour Gazette, all rights reserved</footer>`;
  const tail = "</body></html>";
  const padding = Math.max(0, bytes - head.length - tail.length - 40);
  return `${head}<script>window.__DATA__="${"x".repeat(padding)}";</script>${tail}`;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: AppError | ZodError) =>
      error instanceof ZodError
        ? error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
        : error.details.fields,
  );

describe(`importing a whole page on ${provider}`, () => {
  it("POST /articles with a whole page stores the article read from it, not the menu, rails or footer", async () => {
    const article = await createArticle(t.db, { actor: editor, input: { title: "Harbour toll", html: NEWS_PAGE } });
    for (const part of bodyParts) expect(article.revision.text).toContain(part);
    for (const chrome of ["Ferry fares", "cookies", "dataLayer"]) expect(article.revision.text).not.toContain(chrome);
  });

  it("the preview answers the page's blocks, and importing its kept blocks stores what the page import stores", async () => {
    const preview = await previewArticle({ actor: editor, input: { html: NEWS_PAGE } });
    const kept = preview.blocks.filter((block) => block.kept);
    expect(kept.map((block) => block.text)).toEqual(expect.arrayContaining(bodyParts));
    for (const block of preview.blocks) expect(block).toEqual(expect.objectContaining({ why: expect.any(String) }));
    const direct = await createArticle(t.db, { actor: editor, input: { title: "Direct", html: NEWS_PAGE } });
    const confirmed = await createArticle(t.db, { actor: editor, input: { title: "Confirmed", html: preview.html } });
    expect(confirmed.revision.text).toBe(direct.revision.text);
    expect(confirmed.revision.blocks).toEqual(direct.revision.blocks);
    expect(preview.characters).toBe(direct.revision.text.length);
  });

  it("the preview of a fragment keeps every block, and leaving one out stores the rest only", async () => {
    const preview = await previewArticle({
      actor: editor,
      input: { html: "<p>First paragraph.</p><p>Sign up for our newsletter</p><p>Last paragraph.</p>" },
    });
    expect(preview.blocks.map(({ text, kept }) => [text, kept])).toEqual([
      ["First paragraph.", true],
      ["Sign up for our newsletter", true],
      ["Last paragraph.", true],
    ]);
    expect(preview.title).toBe("");
    const html = blocksToHtml(preview.blocks.filter((block) => !block.text.startsWith("Sign up")));
    const article = await createArticle(t.db, { actor: editor, input: { title: "Kept", html } });
    expect(article.revision.text).toBe("First paragraph.\n\nLast paragraph.");
  });

  it("a page that is not an article is 422 on html (import, revision, preview) and on url, saying why", async () => {
    const wall = `<!doctype html><html><body>${REFUSED}<form><input name="user"></form><p>Sign in to read.</p></body></html>`;
    const why = [{ path: "html", message: "This page asks readers to sign in; it shows no article." }];
    const before = await t.db.article.count();
    expect(await refusal(createArticle(t.db, { actor: editor, input: { title: "Wall", html: wall } }))).toEqual(why);
    expect(await refusal(previewArticle({ actor: editor, input: { html: wall } }))).toEqual(why);
    const article = await createArticle(t.db, { actor: editor, input: { title: "Revised", text: "First words." } });
    expect(await refusal(addRevision(t.db, { actor: editor, articleId: article.id, input: { html: wall } }))).toEqual(
      why,
    );
    expect(await t.db.article.count()).toBe(before + 1);
  });

  it("takes a 5 MB saved page whose article is small, and refuses, naming html, one whose article is over 2 MB", async () => {
    const story = ["The ferry timetable is cut from May.", "Islanders say the last boat now leaves at six."];
    const big = savedPage(story, 5 * 1024 * 1024 - 1024);
    expect(big.length).toBeGreaterThan(5_000_000);
    const article = await createArticle(t.db, { actor: editor, input: { title: "Big page", html: big } });
    expect(article.revision.text).toContain(story[1]);
    expect(article.revision.text).not.toMatch(/Most read|Sport menu|__DATA__/);

    const paragraph = "The council published every figure in the survey, line by line. ".repeat(20);
    const long = savedPage(Array.from({ length: Math.ceil((2.1 * 1024 * 1024) / paragraph.length) }, () => paragraph));
    expect(await refusal(createArticle(t.db, { actor: editor, input: { title: "Long", html: long } }))).toEqual([
      { path: "html", message: expect.stringContaining("larger than 2 MB") },
    ]);
    const tooBig = savedPage(story, 5 * 1024 * 1024 + 1024);
    expect(await refusal(createArticle(t.db, { actor: editor, input: { title: "Huge", html: tooBig } }))).toEqual([
      { path: "html", message: "must be at most 5 MB (html is larger)" },
    ]);
  });

  it("stores the page's last-modified date and language, and refuses a language that is not a tag", async () => {
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: "خبر", text: "قال الوزير إن الأسعار انخفضت.", modifiedAt: "2026-03-11", language: "ar_EG" },
    });
    const stored = await getArticle(t.db, { actor: editor, articleId: article.id });
    expect(stored).toMatchObject({ modifiedAt: "2026-03-11T00:00:00.000Z", language: "ar-EG" });
    expect(
      await refusal(
        createArticle(t.db, { actor: editor, input: { title: "T", text: "x", language: "Arabic please" } }),
      ),
    ).toEqual([{ path: "language", message: "must be a language tag such as en or pt-BR" }]);
    const blank = await createArticle(t.db, { actor: editor, input: { title: "T", text: "x", language: " " } });
    expect(blank).toMatchObject({ language: null, modifiedAt: null });
  });
});
