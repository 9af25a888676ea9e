import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "@/lib/import/fixtures/news-page";
import { createArticle } from "@/lib/server/article/create-article";
import type { AppError } from "@/lib/server/shared/errors";
import { previewArticle } from "@/lib/server/article/preview-article";
import { getArticle } from "@/lib/server/article/get-article";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

/** The story's parts that are its body: the headline is the article's title, not part of its text. */
const bodyParts = Object.values(NEWS_PAGE_TEXT).filter((part) => part !== NEWS_PAGE_TEXT.headline);

// The "remote" news site is served from this machine, so private addresses are allowed except where the guard is tested.
const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let site: http.Server;
let base: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  site = http.createServer((request, response) => {
    if (request.url === "/news/harbour-toll")
      return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(NEWS_PAGE);
    if (request.url === "/empty")
      return response.writeHead(200, { "Content-Type": "text/html" }).end("<nav>Menu</nav><script>x()</script>");
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  site.close();
  await t?.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: AppError) => ({ code: error.code, fields: error.details.fields }),
  );

describe(`importing from a web address on ${provider}`, () => {
  it("fills the form from the page (headline, canonical address, publisher, authors, date) and imports what the editor sends back", async () => {
    const fetched = await previewArticle({
      actor: editor,
      input: { url: `${base}/news/harbour-toll` },
      allowPrivateHosts: true,
    });
    expect(fetched).toMatchObject({
      title: NEWS_PAGE_TEXT.headline,
      sourceUrl: `${base}/news/2026/03/harbour-toll-congestion`,
      publisher: "The Harbour Gazette",
      author: "Priya Natarajan, Tom Okafor",
      publishedAt: "2026-03-10",
    });
    expect(fetched.html).not.toMatch(/<(script|nav|aside|img|a)\b/);
    const { characters, blocks, ...form } = fetched;
    expect(blocks.filter((block) => block.kept).map((block) => block.text)).toEqual(
      expect.arrayContaining([NEWS_PAGE_TEXT.quote]),
    );
    const article = await createArticle(t.db, { actor: editor, input: form });
    const stored = await getArticle(t.db, { actor: editor, articleId: article.id });
    expect(stored.revision.text.length).toBe(characters);
    // The headline is the title, not part of the stored body (docs/decisions/026).
    for (const part of bodyParts) expect(stored.revision.text).toContain(part);
    expect(stored.revision.text).not.toContain(NEWS_PAGE_TEXT.headline);
    expect(stored.revision.text).not.toContain("Ferry fares");
    expect(stored).toMatchObject({
      title: NEWS_PAGE_TEXT.headline,
      publisher: "The Harbour Gazette",
      sourceUrl: fetched.sourceUrl,
    });
  });

  it("answers 422 on url, saying why, for a page that cannot be imported, and stores nothing", async () => {
    const before = await t.db.article.count();
    expect(
      await refusal(previewArticle({ actor: editor, input: { url: `${base}/missing` }, allowPrivateHosts: true })),
    ).toMatchObject({ code: "INVALID", fields: [{ path: "url", message: expect.stringContaining("answered 404") }] });
    expect(
      await refusal(previewArticle({ actor: editor, input: { url: `${base}/empty` }, allowPrivateHosts: true })),
    ).toMatchObject({ fields: [{ path: "url", message: expect.any(String) }] });
    expect(await refusal(previewArticle({ actor: editor, input: { url: `${base}/news/harbour-toll` } }))).toMatchObject(
      {
        fields: [{ path: "url", message: expect.stringContaining("private or local address") }],
      },
    );
    const invalidUrl = (await previewArticle({ actor: editor, input: { url: "javascript:alert(1)" } }).catch(
      (error: unknown) => error,
    )) as { issues?: { path: unknown }[] };
    expect(invalidUrl.issues?.[0]?.path).toEqual(["url"]);
    expect(await t.db.article.count()).toBe(before);
  });
});
