import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { createActor } from "../../support/actors";
import { startAppServer, type AppServer } from "../../support/app-server";
import { readSse, type SseEvent } from "../../support/sse";
import { migratedTestDatabase, type MigratedTestDatabase } from "../../support/test-database";

// Two real app servers (the production build) on one PostgreSQL database.
let t: MigratedTestDatabase;
let serverA: AppServer;
let serverB: AppServer;
let token: string;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  if (t.target.provider !== "postgresql") throw new Error("this suite needs PostgreSQL");
  const editor: Actor = await createActor(t.db, "EDITOR", "ed@example.org");
  token = (await createApiToken(t.db, { actor: editor, input: { name: "two servers" } })).token;
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Two servers", text: "The mayor said crime fell by half last year." },
    })
  ).id;
  [serverA, serverB] = await Promise.all([startAppServer(t.target.url), startAppServer(t.target.url)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([serverA?.stop(), serverB?.stop()]);
  await t?.close();
});

describe("several app servers on one PostgreSQL", () => {
  it("deliver an annotation created through server A to an event stream opened on server B", async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const controller = new AbortController();
    const stream = await fetch(`${serverB.url}/api/v1/articles/${articleId}/events`, {
      headers: auth,
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const body = stream.body!;
    const seen: SseEvent[] = await readSse(body, (events) => events.some((event) => event.event === "ready"));
    expect(seen.some((event) => event.event === "ready")).toBe(true);

    const sentAt = Date.now();
    const created = await fetch(`${serverA.url}/api/v1/articles/${articleId}/annotations`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "CLAIM", start: 4, end: 9 }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const arrived = await readSse(
      body,
      (events) => events.some((event) => event.event === "annotation.created"),
      10_000,
    );
    const event = arrived.find((candidate) => candidate.event === "annotation.created");
    expect(event?.data).toMatchObject({ annotation: { id, quote: "mayor" } });
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    controller.abort();
  });

  it("refuses a stream for an article that does not exist, and one without credentials", async () => {
    expect(
      (await fetch(`${serverB.url}/api/v1/articles/nope/events`, { headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(404);
    expect((await fetch(`${serverB.url}/api/v1/articles/${articleId}/events`)).status).toBe(401);
  });
});
