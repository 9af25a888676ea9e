import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { exportArticle } from "@/lib/server/article/export-article";
import { updateArticle } from "@/lib/server/article/update-article";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// #13 item 2: the reader exports name the fact-check's public address (the article's override, else
// FACTMARK_PUBLIC_URL + its id) and never the workbench's; without either they name none.
const provider = testProvider();
const PUBLIC_BASE = "https://checks.example/fact-checks";
const OVERRIDE = "https://news.example/2026/03/tax-claims-checked";
let t: MigratedTestDatabase;
let server: AppServer;
let editor: Actor;
let token: string;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  token = (await createApiToken(t.db, { actor: editor, input: { name: "exports" } })).token;
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Public", text: "The mayor said crime fell by half last year." },
    })
  ).id;
  await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: { kind: "CLAIM", start: 15, end: 34, verdict: "FALSE" },
  });
  server = await startAppServer(t.target.url, undefined, { FACTMARK_PUBLIC_URL: PUBLIC_BASE });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

const exported = async (format: string, publicBaseUrl: string | null) =>
  (
    await exportArticle(t.db, {
      actor: editor,
      articleId,
      input: { format },
      baseUrl: "http://localhost:3000",
      publicBaseUrl,
      publisher: "Desk",
    })
  ).body;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
  });

describe(`public address of exports on ${provider}`, () => {
  it("without FACTMARK_PUBLIC_URL or an override, the reader exports name no address (the team's W3C keeps the workbench's)", async () => {
    const html = await exported("html", null);
    const reviews = JSON.parse(await exported("claimreview", null));
    expect(html).not.toContain("localhost");
    expect(html).not.toContain("Online version");
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).not.toHaveProperty("url");
    expect(await exported("w3c", null)).toContain(`http://localhost:3000/articles/${articleId}/annotations`);
  });

  it("with FACTMARK_PUBLIC_URL, the address is it + the article id; the override wins; null goes back", async () => {
    expect(JSON.parse(await exported("claimreview", PUBLIC_BASE))[0].url).toBe(`${PUBLIC_BASE}/${articleId}#note-1`);
    const updated = await updateArticle(t.db, { actor: editor, articleId, input: { publicUrl: OVERRIDE } });
    expect(updated.publicUrl).toBe(OVERRIDE);
    expect(JSON.parse(await exported("claimreview", PUBLIC_BASE))[0].url).toBe(`${OVERRIDE}#note-1`);
    expect(await exported("html", null)).toContain(`Online version: <a class="url" href="${OVERRIDE}"`);
    const audit = await t.db.auditEvent.findFirst({ where: { articleId, action: "article.updated" } });
    expect(JSON.parse(audit!.payload)).toEqual({ fields: ["publicUrl"], publicUrl: { from: null, to: OVERRIDE } });
    await updateArticle(t.db, { actor: editor, articleId, input: { publicUrl: null } });
    expect(JSON.parse(await exported("claimreview", PUBLIC_BASE))[0].url).toBe(`${PUBLIC_BASE}/${articleId}#note-1`);
  });

  it("through the server: the export route uses FACTMARK_PUBLIC_URL, PATCH sets the override, and a bad address is 422 naming the field", async () => {
    const reviews = async () =>
      (await (await api(`/api/v1/articles/${articleId}/export?format=claimreview`)).json()) as { url?: string }[];
    expect((await reviews())[0].url).toBe(`${PUBLIC_BASE}/${articleId}#note-1`);
    const html = await (await api(`/api/v1/articles/${articleId}/export?format=html`)).text();
    expect(html).not.toContain(server.url);
    expect(html).toContain(`Online version: <a class="url" href="${PUBLIC_BASE}/${articleId}"`);

    const patched = await api(`/api/v1/articles/${articleId}`, {
      method: "PATCH",
      body: JSON.stringify({ publicUrl: OVERRIDE }),
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).publicUrl).toBe(OVERRIDE);
    expect((await reviews())[0].url).toBe(`${OVERRIDE}#note-1`);

    // A bare domain ("news.example/page") is not refused: every URL field reads it as https://news.example/page.
    for (const publicUrl of ["/relative/path", "javascript:alert(1)", "ftp://news.example/page", 42]) {
      const refused = await api(`/api/v1/articles/${articleId}`, {
        method: "PATCH",
        body: JSON.stringify({ publicUrl }),
      });
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.fields.map((field: { path: string }) => field.path)).toEqual(["publicUrl"]);
    }
    expect((await reviews())[0].url).toBe(`${OVERRIDE}#note-1`);
  });
});
