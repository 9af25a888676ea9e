import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import type { AuditPayload } from "@/lib/domain/audit-actions";
import type { EventBus } from "@/lib/realtime/bus";
import type { BusMessage } from "@/lib/realtime/channel";
import { articleStream } from "@/lib/realtime/article-stream";
import { batchedEventsSince, eventsSince, eventsSinceMany } from "@/lib/realtime/article-events";
import { createDb } from "@/lib/db/client";
import { createBus } from "@/lib/realtime/get-bus";
import { listPresence } from "@/lib/realtime/presence";
import { recordAuditEvent, type AuditInput } from "@/lib/server/audit/record-audit-event";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { openWorkbench } from "@/lib/server/article/open-workbench";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { readSse } from "../support/sse";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let bus: EventBus;
let articleId: string;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  bus = createBus(t.target, t.db);
  articleId = (
    await createArticle(t.db, {
      actor: editor,
      input: { title: "Live", text: "The mayor said crime fell by half. Police disagree." },
    })
  ).id;
});
afterAll(async () => {
  await bus?.close();
  await t?.close();
});

/** Messages the bus delivers for the article while `action` runs and for `settleMs` after. */
async function busMessagesDuring(action: () => Promise<unknown>, settleMs = 600): Promise<BusMessage[]> {
  const received: BusMessage[] = [];
  const unsubscribe = bus.subscribe(articleId, (message) => received.push(message));
  // Let the listener connect and settle (a new PostgreSQL listener announces a catch-up).
  await new Promise((resolve) => setTimeout(resolve, 500));
  received.length = 0;
  try {
    await action();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    unsubscribe();
  }
  return received;
}

describe(`live updates on ${provider}`, () => {
  // Audit rows whose content does not matter here, as the writer takes them; the stream renders the second as a noop.
  const anEdit = { fields: [], changes: {}, label: "C1", version: 1 } satisfies AuditPayload<"annotation.updated">;
  const aQuietChange = {
    action: "article.updated",
    payload: { fields: ["publicUrl"], publicUrl: { from: null, to: null } },
  } satisfies Pick<AuditInput<"article.updated">, "action" | "payload">;

  it("announce a change only after it commits: a rolled-back change publishes nothing", async () => {
    const rolledBack = await busMessagesDuring(async () => {
      await t.db
        .$transaction(async (tx) => {
          await recordAuditEvent(tx, { articleId, actorId: editor.id, action: "annotation.updated", payload: anEdit });
          throw new Error("rolled back on purpose");
        })
        .catch(() => undefined);
    });
    expect(rolledBack.filter((message) => message.k === "changed")).toEqual([]);

    const committed = await busMessagesDuring(() =>
      createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: 4, end: 9 } }),
    );
    expect(committed.filter((message) => message.k === "changed").length).toBeGreaterThanOrEqual(1);
  });

  it("commit an article's events in id order: a change that started later waits, so a stream's cursor never skips one", async () => {
    let releaseFirst!: () => void;
    const gate = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstId = 0;
    let secondCommitted = false;
    const first = t.db.$transaction(async (tx) => {
      firstId = (await recordAuditEvent(tx, { articleId, actorId: editor.id, ...aQuietChange })).id;
      await gate;
    });
    while (!firstId) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = t.db
      .$transaction(async (tx) => (await recordAuditEvent(tx, { articleId, actorId: editor.id, ...aQuietChange })).id)
      .then((id) => {
        secondCommitted = true;
        return id;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondCommitted).toBe(false);
    releaseFirst();
    await first;
    expect(await second).toBeGreaterThan(firstId);
  });

  it("turn audit events into events carrying each entity's new state and version", async () => {
    const from = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 15, end: 25 },
    });
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: 1, speaker: "The mayor" },
    });
    await deleteAnnotation(t.db, { actor: editor, annotationId: claim.id });
    const { events, truncated } = await eventsSince(t.db, articleId, from, 50);
    expect(truncated).toBe(false);
    // Events carry the entity's state now, not then: a replay never resurrects a deleted annotation.
    expect(events.map((event) => event.event)).toEqual([
      "annotation.deleted",
      "annotation.deleted",
      "annotation.deleted",
    ]);
    expect(events[2].data).toMatchObject({ id: claim.id, actor: { id: editor.id } });
    const ids = events.map((event) => event.id!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const live = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 30, end: 35 },
    });
    const next = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: live.id,
      input: { version: 1, note: "n" },
    });
    const after = await eventsSince(t.db, articleId, ids.at(-1)!, 50);
    expect(after.events.map((event) => [event.event, (event.data.annotation as { version: number }).version])).toEqual([
      ["annotation.created", next.version],
      ["annotation.updated", next.version],
    ]);
  });

  it("reads several articles' events in one round, each page exactly what eventsSince gives it alone, and batches concurrent stream reads", async () => {
    const other = (
      await createArticle(t.db, {
        actor: editor,
        input: { title: "Other", text: "A second article with its own claims." },
      })
    ).id;
    const from = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    for (let i = 0; i < 3; i++) {
      await createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: i, end: i + 5 } });
      await createAnnotation(t.db, {
        actor: editor,
        articleId: other,
        input: { kind: "ANALYSIS", start: i, end: i + 4 },
      });
    }
    const alone = await Promise.all([eventsSince(t.db, articleId, from, 2), eventsSince(t.db, other, from, 50)]);
    const together = await eventsSinceMany(
      t.db,
      [
        { articleId, afterId: from },
        { articleId: other, afterId: from },
      ],
      2,
    );
    expect(together[0]).toEqual({ ...alone[0], truncated: true });
    expect(together[0].events).toHaveLength(2);
    expect(together[1].events.map((event) => event.event)).toEqual(["annotation.created", "annotation.created"]);
    expect(together[1].truncated).toBe(true);
    // Concurrent stream reads (same turn) share one round and each gets its own cursor's page.
    const [mine, theirs, again] = await Promise.all([
      batchedEventsSince(t.db, articleId, from, 50),
      batchedEventsSince(t.db, other, alone[1].events[1].id!, 50),
      batchedEventsSince(t.db, articleId, from, 50),
    ]);
    expect(mine).toEqual(await eventsSince(t.db, articleId, from, 50));
    expect(mine).toBe(again);
    expect(theirs.events.map((event) => event.id)).toEqual(alone[1].events.slice(2).map((event) => event.id));

    // Requests made while a round runs wait for it, then share the next round, each with its own page.
    const first = batchedEventsSince(t.db, articleId, from, 50);
    await new Promise((resolve) => setImmediate(resolve));
    const later = await Promise.all([
      batchedEventsSince(t.db, other, from, 50),
      batchedEventsSince(t.db, articleId, alone[0].events[0].id!, 50),
      first,
    ]);
    expect(later[0]).toEqual(await eventsSince(t.db, other, from, 50));
    expect(later[1]).toEqual(await eventsSince(t.db, articleId, alone[0].events[0].id!, 50));
    expect(later[2]).toEqual(mine);
  });

  it("replays what a reconnecting client missed after its Last-Event-ID, then streams new changes and presence", async () => {
    const before = (await t.db.auditEvent.aggregate({ where: { articleId }, _max: { id: true } }))._max.id ?? 0;
    const missed = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "ANALYSIS", start: 0, end: 12 },
    });
    const controller = new AbortController();
    // As the app does: stream reads go through a second, read-only client.
    const reader = await createDb(t.target, { role: "reader" });
    const stream = articleStream({
      db: t.db,
      reader,
      bus,
      actor: editor,
      articleId,
      lastEventId: before,
      signal: controller.signal,
    });
    const first = await readSse(stream, (events) => events.some((event) => event.event === "presence"));
    expect(first[0]).toMatchObject({ event: "annotation.created", data: { annotation: { id: missed.id } } });
    expect(first.find((event) => event.event === "ready")).toBeTruthy();
    expect(
      (first.find((event) => event.event === "presence")!.data.users as { userId: string }[]).map(
        (user) => user.userId,
      ),
    ).toEqual([editor.id]);

    const live = createAnnotation(t.db, { actor: editor, articleId, input: { kind: "CLAIM", start: 35, end: 40 } });
    const arrived = await readSse(
      stream,
      (events) => events.some((event) => event.event === "annotation.created"),
      5000,
    );
    expect(arrived.find((event) => event.event === "annotation.created")?.data).toMatchObject({
      annotation: { id: (await live).id },
    });

    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listPresence(t.db, articleId)).toEqual([]);
    await reader.$disconnect();
  });

  it("give the workbench page the event id it reflects: a stream resuming from it replays only what came after", async () => {
    const page = await openWorkbench(t.db, { actor: editor, articleId });
    expect(page.since).toBe((await t.db.auditEvent.aggregate({ where: { articleId }, _max: { id: true } }))._max.id);
    const later = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 13, end: 18 },
    });
    expect(page.article.annotations.map((annotation) => annotation.id)).not.toContain(later.id);
    const controller = new AbortController();
    const events = await readSse(
      articleStream({ db: t.db, bus, actor: editor, articleId, lastEventId: page.since, signal: controller.signal }),
      (seen) => seen.some((event) => event.event === "ready"),
    );
    controller.abort();
    expect(
      events
        .filter((event) => event.event.startsWith("annotation."))
        .map((event) => (event.data.annotation as { id: string }).id),
    ).toEqual([later.id]);
  });

  it("tells a client too far behind to resync instead of replaying everything", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 3; i++)
      await recordAuditEvent(t.db, { articleId, actorId: editor.id, action: "annotation.updated", payload: anEdit });
    const { MAX_REPLAY } = await import("@/lib/realtime/article-stream");
    const rows = Array.from({ length: MAX_REPLAY + 1 }, () => ({
      articleId,
      actorId: editor.id,
      action: "article.note",
      payload: "{}",
    }));
    await t.db.auditEvent.createMany({ data: rows });
    const events = await readSse(
      articleStream({ db: t.db, bus, actor: editor, articleId, lastEventId: 0, signal: controller.signal }),
      (seen) => seen.some((event) => event.event === "ready"),
    );
    controller.abort();
    expect(events[0].event).toBe("resync");
  });
});
