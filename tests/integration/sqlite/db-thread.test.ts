import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { createActor } from "../../support/actors";
import { startAppServer, type AppServer } from "../../support/app-server";
import { migratedTestDatabase, type MigratedTestDatabase } from "../../support/test-database";

// The production build on SQLite runs annotation and comment writes on its database thread
// (lib/db-thread). Through real HTTP: answers and errors come back as if in place, and writes
// from both threads' connections interleave without a failure.
let t: MigratedTestDatabase;
let server: AppServer;
let articleId: string;
const tokens: Record<"editor" | "reviewer", string> = { editor: "", reviewer: "" };

beforeAll(async () => {
  t = await migratedTestDatabase();
  if (t.target.provider !== "sqlite") throw new Error("this suite needs SQLite");
  const editor = await createActor(t.db, "EDITOR", "ed@example.org");
  const reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  tokens.editor = (await createApiToken(t.db, { actor: editor, input: { name: "thread" } })).token;
  tokens.reviewer = (await createApiToken(t.db, { actor: reviewer, input: { name: "thread" } })).token;
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Thread", text: "The mayor said crime fell by half last year, and the council agreed." },
    })
  ).id;
  server = await startAppServer(t.target.url);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await t?.close();
});

function api(who: keyof typeof tokens, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("the SQLite database thread, through the production server", () => {
  it("runs writes there and answers with what is stored", async () => {
    const created = await api("editor", "POST", `/articles/${articleId}/annotations`, {
      kind: "CLAIM",
      start: 4,
      end: 9,
      speaker: "Mayor",
      verdict: "FALSE",
      rationale: "Figures say otherwise.",
    });
    expect(created.status).toBe(201);
    const view = await created.json();
    expect(view).toMatchObject({ quote: "mayor", speaker: "Mayor", verdict: "FALSE", version: 1 });
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.database).toMatchObject({ provider: "sqlite", thread: "running" });

    const updated = await api("editor", "PATCH", `/annotations/${view.id}`, {
      version: 1,
      note: "Checked against the police report.",
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: view.id, version: 2, note: "Checked against the police report." });
    const row = await t.db.annotation.findUniqueOrThrow({ where: { id: view.id } });
    expect(row).toMatchObject({ version: 2, note: "Checked against the police report.", speaker: "Mayor" });
  });

  it("brings the use case's errors back as the same HTTP answers: 409 with the current state, 422 naming the field, 403, 404", async () => {
    const { id } = await (
      await api("editor", "POST", `/articles/${articleId}/annotations`, { kind: "ANALYSIS", start: 10, end: 15 })
    ).json();
    expect((await api("editor", "PATCH", `/annotations/${id}`, { version: 1, speaker: "Council" })).status).toBe(200);

    const stale = await api("editor", "PATCH", `/annotations/${id}`, { version: 1, speaker: "Someone else" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: "CONFLICT",
      current: { id, version: 2, speaker: "Council" },
    });

    const invalid = await api("editor", "POST", `/articles/${articleId}/annotations`, {
      kind: "CLAIM",
      start: 9,
      end: 4,
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error).toMatchObject({
      code: "INVALID",
      fields: [{ path: "end", message: "must be greater than start" }],
    });

    const noVersion = await api("editor", "PATCH", `/annotations/${id}`, { speaker: "x" });
    expect(noVersion.status).toBe(422);
    expect((await noVersion.json()).error.fields).toEqual([expect.objectContaining({ path: "version" })]);

    const ownReview = await api("editor", "POST", `/annotations/${id}/review`, { decision: "APPROVE" });
    expect(ownReview.status).toBe(403);
    expect((await ownReview.json()).error.code).toBe("FORBIDDEN");

    // Shaped like an id (anything else is 404 before the thread is asked), so the thread's own NOT_FOUND comes back.
    const missing = await api("editor", "PATCH", `/annotations/c000000000000000000000000`, {
      version: 1,
      speaker: "x",
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("NOT_FOUND");
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 2,
      speaker: "Council",
    });
  });

  it("imports a W3C document there in slices (createAnnotations), a denial still pointing at the claim of the same document", async () => {
    const text = "The mayor said crime fell by half last year, and the council agreed.";
    const editor = (await t.db.user.findFirstOrThrow({ where: { role: "EDITOR" } })) as never;
    const [original, copy] = [
      (await createArticle(t.db, { actor: editor, input: { title: "Original", text } })).id,
      (await createArticle(t.db, { actor: editor, input: { title: "Copy", text } })).id,
    ];
    const claim = await (
      await api("editor", "POST", `/articles/${original}/annotations`, {
        kind: "CLAIM",
        start: 15,
        end: 43,
        verdict: "FALSE",
      })
    ).json();
    expect(
      (
        await api("editor", "POST", `/articles/${original}/annotations`, {
          kind: "DENIAL",
          start: 49,
          end: 67,
          deniesId: claim.id,
          verdict: "TRUE",
        })
      ).status,
    ).toBe(201);
    const w3c = await (await api("editor", "GET", `/articles/${original}/export?format=w3c`)).json();

    const answer = await api("editor", "POST", `/articles/${copy}/annotations/import`, w3c);
    expect(answer.status).toBe(201);
    const { created, rejected } = await answer.json();
    expect(rejected).toEqual([]);
    expect(created.map((a: { kind: string; quote: string }) => [a.kind, a.quote])).toEqual([
      ["CLAIM", "crime fell by half last year"],
      ["DENIAL", "the council agreed"],
    ]);
    expect(created[1].deniesId).toBe(created[0].id);
    expect(await t.db.annotation.count({ where: { articleId: copy } })).toBe(2);
  });

  it("interleaves the thread's writes with the request thread's own (presence, sign-off) without a failure or a lost write", async () => {
    const { id } = await (
      await api("editor", "POST", `/articles/${articleId}/annotations`, { kind: "CLAIM", start: 22, end: 32 })
    ).json();
    // Presence and article sign-off/reopen stay on the request thread's connection; comments and updates go to the thread.
    // Sign-off reads before it writes: with a deferred BEGIN, a thread commit in between failed it with SQLITE_BUSY.
    const other = (
      await createArticle(t.db, {
        actor: (await t.db.user.findFirstOrThrow({ where: { role: "EDITOR" } })) as never,
        input: { title: "Other", text: "Nothing to annotate here." },
      })
    ).id;
    await t.db.article.update({ where: { id: other }, data: { status: "IN_REVIEW" } });
    const transitions = (async () => {
      const statuses: number[] = [];
      for (let round = 0; round < 20; round++) {
        statuses.push((await api("reviewer", "POST", `/articles/${other}/sign-off`, {})).status);
        statuses.push((await api("reviewer", "POST", `/articles/${other}/reopen`, { note: "Once more" })).status);
      }
      return statuses;
    })();
    const stream = new AbortController();
    const events = await fetch(`${server.url}/api/v1/articles/${articleId}/events`, {
      headers: { Authorization: `Bearer ${tokens.reviewer}` },
      signal: stream.signal,
    });
    const reader = events.body!.getReader();
    let text = "";
    while (!/"connectionId":"([^"]+)"/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const connectionId = /"connectionId":"([^"]+)"/.exec(text)![1];

    const writes: Promise<Response>[] = [];
    let version = 1;
    for (let round = 0; round < 40; round++) {
      writes.push(api("reviewer", "POST", `/annotations/${id}/comments`, { body: `Comment ${round}` }));
      writes.push(
        api("reviewer", "POST", `/articles/${articleId}/presence`, {
          connectionId,
          annotationId: round % 2 ? id : null,
        }),
      );
      const update = await api("editor", "PATCH", `/annotations/${id}`, { version, note: `Note ${round}` });
      expect(update.status).toBe(200);
      version = (await update.json()).version;
    }
    const statuses = [
      ...(await Promise.all(writes.map(async (write) => (await write).status))),
      ...(await transitions),
    ];
    stream.abort();
    expect(statuses.filter((status) => status >= 300)).toEqual([]);
    expect(await t.db.signOff.count({ where: { articleId: other } })).toBe(20);
    expect(await t.db.comment.count({ where: { annotationId: id } })).toBe(40);
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 41, note: "Note 39" });
  });
});
