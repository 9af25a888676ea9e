import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { isAppId, MAX_JSON_DEPTH } from "@/lib/http/input-guard";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { createUser } from "@/lib/server/user/create-user";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { migratedTestDatabase, type MigratedTestDatabase } from "../support/test-database";

// #12 "no 500 on any input", one case per cause the fuzz test (fuzz-api.test.ts) found, through the
// production server on each database: each is refused with the same answer on both, and stores nothing.
let t: MigratedTestDatabase;
let server: AppServer;
let editor: Actor;
let token: string;
let articleId: string;
let annotationId: string;
let sessionCookie: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  token = (await createApiToken(t.db, { actor: editor, input: { name: "input" } })).token;
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Input", text: "The mayor said crime fell by half last year." },
    })
  ).id;
  annotationId = (
    await createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: 4, end: 9 } })
  ).id;
  server = await startAppServer(t.target.url);
  const admin = await createActor(t.db, "ADMIN", "admin@example.org");
  await createUser(t.db, {
    actor: admin,
    input: { email: "pages@example.org", name: "Pages", role: "EDITOR", password: "a long password 1" },
  });
  sessionCookie = await signIn("pages@example.org", "a long password 1");
}, 90_000);

/** A browser session's cookies, through next-auth's credentials sign-in. */
async function signIn(email: string, password: string): Promise<string> {
  const cookies = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const signedIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const session = cookies(signedIn).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${signedIn.status}`);
  return session;
}

afterAll(async () => {
  await server?.stop();
  await t?.close();
});

function send(method: string, path: string, body?: string | Uint8Array<ArrayBuffer>) {
  // Bounded: an event stream that opens where it should have been refused would never end.
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body,
    signal: AbortSignal.timeout(20_000),
  });
}

async function expectRefused(
  response: Response,
  status: number,
  fields?: { path: string; message: RegExp | string }[],
) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  if (fields)
    expect(JSON.parse(text).error).toMatchObject({
      code: "INVALID",
      fields: fields.map(({ path, message }) => ({
        path,
        message: typeof message === "string" ? message : expect.stringMatching(message),
      })),
    });
}

const counts = async () => [
  await t.db.article.count(),
  await t.db.annotation.count(),
  await t.db.source.count(),
  await t.db.comment.count(),
  await t.db.auditEvent.count(),
];

describe("malformed input through the production server", () => {
  it("refuses JSON nested deeper than the limit with 422 naming the body, on a route that writes on the SQLite database thread", async () => {
    const before = await counts();
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    await expectRefused(
      await send("POST", `/articles/${articleId}/annotations`, `{"kind":"CLAIM","start":4,"end":9,"note":${deep}}`),
      422,
      [{ path: "", message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
    );
    await expectRefused(await send("POST", `/annotations/${annotationId}/comments`, deep), 422, [
      { path: "", message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
    // The thread is still there and serves the next write.
    expect(
      (await send("POST", `/annotations/${annotationId}/comments`, JSON.stringify({ body: "still here" }))).status,
    ).toBe(201);
    expect(await t.db.comment.count()).toBe(before[3] + 1);
  });

  it("refuses NUL in a body field, nested or not, with 422 naming it, and stores nothing", async () => {
    const before = await counts();
    await expectRefused(
      await send("POST", `/annotations/${annotationId}/comments`, JSON.stringify({ body: "a\u0000b" })),
      422,
      [{ path: "body", message: /NUL/ }],
    );
    await expectRefused(
      await send(
        "POST",
        `/articles/${articleId}/annotations`,
        JSON.stringify({
          kind: "CLAIM",
          start: 4,
          end: 9,
          sources: [{ url: "https://example.org", title: "x\u0000" }],
        }),
      ),
      422,
      [{ path: "sources.0.title", message: /NUL/ }],
    );
    await expectRefused(
      await send("POST", "/articles", JSON.stringify({ title: "Fine", text: "Some text", "pub\u0000lisher": "x" })),
      422,
      [{ path: "pub\\u0000lisher", message: /^has a name that/ }],
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a lone surrogate with 422 naming the field, where SQLite stored U+FFFD", async () => {
    const before = await counts();
    await expectRefused(await send("POST", "/articles", '{"title":"Broken \\ud800 title","text":"Some text"}'), 422, [
      { path: "title", message: /lone UTF-16 surrogate/ },
    ]);
    await expectRefused(await send("PATCH", `/annotations/${annotationId}`, '{"version":1,"speaker":"\\udc00"}'), 422, [
      { path: "speaker", message: /lone UTF-16 surrogate/ },
    ]);
    expect(await counts()).toEqual(before);
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).toMatchObject({
      version: 1,
      speaker: null,
    });
  });

  it("refuses a body that is not UTF-8 with 422 naming the body, where its bytes were stored as U+FFFD", async () => {
    const before = await counts();
    const bytes = Uint8Array.from([...Buffer.from('{"title":"Caf'), 0xe9, ...Buffer.from('","text":"Some text"}')]);
    await expectRefused(await send("POST", "/articles", bytes), 422, [{ path: "", message: "is not valid UTF-8" }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses NUL in a query parameter with 422 naming it", async () => {
    await expectRefused(await send("GET", "/articles?q=a%00b"), 422, [{ path: "q", message: /NUL/ }]);
    await expectRefused(await send("GET", `/articles/${articleId}/audit?annotationId=%00`), 422, [
      { path: "annotationId", message: /NUL/ },
    ]);
    await expectRefused(await send("DELETE", `/annotations/${annotationId}?version=1%00`), 422, [
      { path: "version", message: /NUL/ },
    ]);
    expect(await t.db.annotation.count({ where: { id: annotationId } })).toBe(1);
  });

  it("refuses an event id beyond the Int range with 422 naming it, where PostgreSQL's query failed after the stream opened", async () => {
    await expectRefused(await send("GET", `/articles/${articleId}/events?lastEventId=2147483648`), 422, [
      { path: "lastEventId", message: /from 0 to 2147483647/ },
    ]);
    const stream = new AbortController();
    const open = await fetch(`${server.url}/api/v1/articles/${articleId}/events`, {
      headers: { Authorization: `Bearer ${token}`, "Last-Event-ID": "2147483647" },
      signal: stream.signal,
    });
    expect(open.status).toBe(200);
    stream.abort();
  });

  it("answers 404 to a path id that is not one of this app's ids, NUL included", async () => {
    for (const id of ["%00", "a%00b", `${annotationId.slice(0, -1)}%00`, "nope", "x".repeat(3_000)]) {
      await expectRefused(await send("GET", `/annotations/${id}/comments`), 404);
      await expectRefused(await send("PATCH", `/annotations/${id}`, JSON.stringify({ version: 1, note: "x" })), 404);
      await expectRefused(await send("GET", `/articles/${id}`), 404);
    }
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).toMatchObject({
      version: 1,
      note: "",
    });
  });

  it("makes ids that the 404 rule accepts, on this database (should Prisma's id scheme change)", async () => {
    const rows = [
      editor.id,
      articleId,
      annotationId,
      (await t.db.apiToken.findFirstOrThrow()).id,
      (await t.db.articleRevision.findFirstOrThrow()).id,
    ];
    expect(rows.filter((id) => !isAppId(id))).toEqual([]);
  });

  it("answers the pages' own bad ids, searches and page numbers with 404 or the first page, never 500", async () => {
    const page = (path: string) =>
      fetch(`${server.url}${path}`, { headers: { Cookie: sessionCookie }, redirect: "manual" });
    expect((await page(`/articles/${articleId}`)).status).toBe(200);
    for (const path of [
      "/articles/%00",
      "/articles/a%00b",
      `/articles/%00/audit`,
      `/articles/${articleId}/audit?annotation=%00`,
    ])
      expect((await page(path)).status, path).toBe(404);
    for (const path of [
      "/articles?q=%00",
      "/articles?page=99999999999999999999",
      `/articles/${articleId}/audit?page=99999999999999999999`,
    ])
      expect((await page(path)).status, path).toBe(200);
  });
});
