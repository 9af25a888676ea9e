import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusMessage } from "@/lib/realtime/channel";
import { PostgresBus } from "@/lib/realtime/postgres-bus";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import type { Actor } from "@/lib/domain/actor";
import { createActor } from "../../support/actors";
import { migratedTestDatabase, type MigratedTestDatabase } from "../../support/test-database";

// PostgreSQL only (this folder runs in the integration-postgresql project alone): SQLite has no listening connection to lose.
let t: MigratedTestDatabase;
let bus: PostgresBus;
let editor: Actor;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  if (t.target.provider !== "postgresql") throw new Error("this suite needs PostgreSQL");
  bus = new PostgresBus(t.target.url);
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  articleId = (
    await createArticle(t.db, { actor: editor, input: { title: "Live", text: "The mayor said crime fell by half." } })
  ).id;
});
afterAll(async () => {
  await bus?.close();
  await t?.close();
});

describe("the PostgreSQL event bus", () => {
  it("reconnects after its listening connection drops, asks streams to catch up, and delivers again", async () => {
    const received: BusMessage[] = [];
    const unsubscribe = bus.subscribe(articleId, (message) => received.push(message));
    await bus.ready();
    received.length = 0;
    await bus.dropConnectionForTest();
    // The catch-up after reconnecting: every subscribed article is "changed" (streams re-read from their cursors).
    await expect
      .poll(() => received.some((message) => message.k === "changed" && message.a === articleId), { timeout: 5000 })
      .toBe(true);
    received.length = 0;
    await createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: 4, end: 9 } });
    // A change committed after the reconnect arrives through NOTIFY on the new connection.
    await expect
      .poll(() => received.filter((message) => message.k === "changed" && message.a === articleId).length, {
        timeout: 5000,
      })
      .toBeGreaterThan(0);
    unsubscribe();
  });
});
