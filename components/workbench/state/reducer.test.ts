import { describe, expect, it } from "vitest";
import {
  isDetailed,
  toAnnotationSummary,
  type AnnotationSummary,
  type AnnotationView,
  type ArticleView,
  type RevisionView,
} from "@/lib/views/article-view";
import type { RolePermissions, WorkbenchActor } from "../access";
import { draftFrom } from "../drafts";
import { annotation, articleFixture } from "../live/annotation-fixture";
import { panelAnnotation, type LiveEvent } from "../live/apply-event";
import { initialStore, reducer, type Action, type Store } from "./reducer";

const ME: WorkbenchActor = { id: "u-me", role: "REVIEWER" };
const ANA = { id: "u-ana", name: "Ana" };
const ROLE: RolePermissions = {
  create: true,
  updateOwn: true,
  updateOthers: true,
  deleteOwn: true,
  deleteOthers: false,
  review: true,
  signOff: true,
  reopen: true,
};

const REVISION_1: RevisionView = {
  id: "rev",
  number: 1,
  text: "x".repeat(40),
  blocks: [],
  note: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};
const summary = (revision: typeof REVISION_1) => ({
  ...revision,
  createdBy: { id: "u-me", name: "Me" },
  reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
});

const store = (annotations: AnnotationSummary[] = [annotation()]): Store =>
  initialStore(
    { annotations, status: "DRAFT", signOff: null, version: 1, revision: REVISION_1, history: [summary(REVISION_1)] },
    ME,
    ROLE,
  );
const run = (start: Store, ...actions: Action[]) => actions.reduce(reducer, start);
const updated = (view: AnnotationView, actor = ANA): LiveEvent => ({
  type: "annotation.updated",
  actor,
  at: "",
  action: "annotation.updated",
  annotation: view,
});

describe("workbench reducer: live events", () => {
  it("applies a live event once: one version bump, one announcement, one flash", () => {
    const event = updated(annotation({ version: 2, speaker: "Li" }));
    const after = run(store(), { type: "live", event });
    expect(after.data.annotations[0]).toMatchObject({ version: 2, speaker: "Li" });
    expect(after.announcement).toEqual({ text: "Ana updated claim C1", serial: 1 });
    expect(after.flashes).toEqual({ a1: 1 });
    // The same event again (a replay) is not newer than what is held: nothing more is said or flashed.
    const again = reducer(after, { type: "live", event });
    expect(again.announcement.serial).toBe(1);
    expect(again.flashSerial).toBe(1);
    // The very same store: React skips the render.
    expect(again).toBe(after);
  });

  it("says nothing and flashes nothing for the user's own change from elsewhere", () => {
    const after = run(store(), {
      type: "live",
      event: updated(annotation({ version: 2, note: "mine" }), { id: ME.id, name: "Me" }),
    });
    expect(after.data.annotations[0]).toMatchObject({ note: "mine" });
    expect(after.announcement.text).toBe("");
    expect(after.flashes).toEqual({});
  });

  it("ends a flash by its own serial, so a later flash of the same highlight outlives the earlier timer", () => {
    const first = run(store(), { type: "live", event: updated(annotation({ version: 2, note: "x" })) });
    const second = reducer(first, { type: "live", event: updated(annotation({ version: 3, note: "y" })) });
    expect(second.flashes).toEqual({ a1: 2 });
    expect(reducer(second, { type: "unflash", serial: 1 }).flashes).toEqual({ a1: 2 });
    expect(reducer(second, { type: "unflash", serial: 2 }).flashes).toEqual({});
  });

  it("closes the open annotation someone else deleted, unless the user has unsaved text in it", () => {
    const deleted: LiveEvent = {
      type: "annotation.deleted",
      actor: ANA,
      at: "",
      action: "annotation.deleted",
      id: "a1",
    };
    const open = run(store(), { type: "open", id: "a1" });
    const closed = reducer(open, { type: "live", event: deleted });
    expect(closed.openId).toBeNull();
    expect(closed.closedByLive).toBe(1);
    expect(closed.announcement.text).toBe("Ana deleted a claim");

    const typing = reducer(open, {
      type: "work",
      id: "a1",
      entry: { draft: { ...draftFrom(annotation()), note: "unsaved" } },
    });
    const kept = reducer(typing, { type: "live", event: deleted });
    expect(kept.openId).toBe("a1");
    expect(kept.closedByLive).toBe(0);
    expect(kept.data.orphans.a1).toBeDefined();
  });

  it("counts others' comment changes per annotation (the thread reads again), not the user's own", () => {
    const theirs: LiveEvent = { type: "comment.created", data: { annotationId: "a1", actor: ANA } };
    const mine: LiveEvent = { type: "comment.created", data: { annotationId: "a1", actor: { id: ME.id } } };
    const after = run(
      store(),
      { type: "live", event: theirs },
      { type: "live", event: mine },
      { type: "live", event: theirs },
    );
    expect(after.comments.changed).toEqual({ a1: 2 });
    expect(after.announcement.text).toBe("");
  });
});

describe("workbench reducer: the user's own changes", () => {
  it("puts an answer in place and says when it went back to draft", () => {
    const approved = store([annotation({ status: "APPROVED" })]);
    const after = reducer(approved, {
      type: "put",
      view: annotation({ version: 2, status: "DRAFT", rationale: "new" }),
      message: "Saved",
    });
    expect(after.data.annotations[0]).toMatchObject({ version: 2, status: "DRAFT" });
    expect(after.announcement.text).toBe(
      "Saved. Back to draft: an approved annotation needs review again after a change of substance",
    );
  });

  it("takes the status a request started from over the one held (the live echo may have arrived first)", () => {
    const after = reducer(store(), {
      type: "put",
      view: annotation({ version: 2, status: "DRAFT" }),
      message: "Saved",
      statusBefore: "SUBMITTED",
    });
    expect(after.announcement.text).toMatch(/^Saved\. Back to draft: submit it again/);
  });

  it("removes an annotation, closing the panel", () => {
    const after = run(
      store(),
      { type: "open", id: "a1", focus: { scroll: true } },
      { type: "remove", id: "a1", message: "Deleted" },
    );
    expect(after.data.annotations).toEqual([]);
    expect(after.openId).toBeNull();
    expect(after.focus).toEqual({ serial: 1, scrollTo: "a1" });
    expect(after.announcement.text).toBe("Deleted");
  });

  it("keeps comment drafts per key and forgets empty ones", () => {
    const typed = run(
      store(),
      { type: "comment-draft", key: "new:a1", text: "Hello" },
      { type: "comment-draft", key: "edit:k1", text: "Fixed" },
    );
    expect(typed.comments.drafts).toEqual({ "new:a1": "Hello", "edit:k1": "Fixed" });
    expect(reducer(typed, { type: "comment-draft", key: "new:a1", text: "" }).comments.drafts).toEqual({
      "edit:k1": "Fixed",
    });
  });

  it("Approve and next opens the next one waiting here, else asks the queue", () => {
    const theirs = { createdBy: { id: "u-ana", name: "Ana" }, status: "SUBMITTED" as const };
    const two = store([
      annotation({ id: "a1", ...theirs }),
      annotation({ id: "a2", number: 2, label: "C2", start: 30, end: 40, ...theirs }),
    ]);
    const next = reducer(two, { type: "approved-next", afterId: "a1" });
    expect(next.openId).toBe("a2");
    expect(next.announcement.text).toBe("Approved. Next: C2 claim");
    const none = reducer(store(), { type: "approved-next", afterId: "a1" });
    expect(none.openId).toBeNull();
    expect(none.queueLookup).toEqual({ serial: 1, afterId: "a1" });
    expect(reducer(none, { type: "queue-done" }).queueLookup).toBeNull();
  });
});

describe("workbench reducer: a new revision", () => {
  const REVISION_2 = { ...REVISION_1, id: "rev-2", number: 2, note: "correction", text: `New. ${"x".repeat(40)}` };
  const articleWith = (annotations: AnnotationView[]): ArticleView =>
    articleFixture({
      version: 2,
      revision: REVISION_2,
      history: [summary(REVISION_1), summary(REVISION_2)],
      annotations,
    });

  it("replaces the text and every place, keeps half-typed text, and says what the revision left to do", () => {
    const orphan = annotation({ id: "a2", number: 2, start: 0, end: 5, quote: "Gone." });
    const draft = { ...draftFrom(annotation()), note: "half-typed" };
    const before = run(store([annotation(), orphan]), { type: "work", id: "a1", entry: { draft } });
    // The server moved a1 without a new version; a2 could not be placed.
    const moved = annotation({ revisionId: "rev-2", start: 15, end: 25 });
    const lost = {
      ...orphan,
      version: 2,
      status: "ORPHANED" as const,
      anchor: { status: "ORPHANED" as const, score: 0 },
    };
    const after = run(before, { type: "merge", view: articleWith([moved, lost]), revised: true });
    expect(after.revision.number).toBe(2);
    expect(after.history).toHaveLength(2);
    expect(after.data.annotations.find((held) => held.id === "a1")).toMatchObject({ revisionId: "rev-2", start: 15 });
    expect(after.data.annotations.find((held) => held.id === "a2")?.anchor.status).toBe("ORPHANED");
    expect(after.data.work.a1?.draft?.note).toBe("half-typed");
    expect(after.announcement.text).toBe("Revision 2 arrived: 1 annotation needs placement");
  });

  it("takes nothing from an answer about an older revision", () => {
    const later = run(store(), { type: "merge", view: articleWith([annotation({ revisionId: "rev-2" })]) });
    const older = { ...articleWith([annotation({ start: 0 })]), revision: REVISION_1 };
    const after = run(later, { type: "merge", view: older, revised: true });
    expect(after.revision.number).toBe(2);
    expect(after.data.annotations[0].revisionId).toBe("rev-2");
    expect(after.announcement.text).toBe("");
  });
});

describe("workbench reducer: summaries, then details when opened (decision 028)", () => {
  const summaryOf = (view: AnnotationView) => toAnnotationSummary(view);
  const held = (s: Store, id = "a1") => s.data.annotations.find((a) => a.id === id)!;

  it("holds the page's summary, makes it whole when its details arrive, then takes a live event's newer version", () => {
    const start = store([summaryOf(annotation({ note: "stored" }))]);
    expect(isDetailed(held(start))).toBe(false);
    // Opened: the panel shows the summary; the form waits (nothing typed, nothing to save).
    const opened = run(start, { type: "open", id: "a1" });
    const shown = panelAnnotation(opened.data, "a1")!;
    expect(isDetailed(shown)).toBe(false);
    expect(shown).not.toHaveProperty("note");

    const loaded = run(opened, { type: "details", id: "a1", view: annotation({ note: "stored" }) });
    expect(isDetailed(held(loaded))).toBe(true);
    expect(held(loaded)).toMatchObject({ note: "stored", version: 1 });
    expect(loaded.details.reads).toBe(1);
    // Reading details is not a change: nothing is announced or flashed.
    expect(loaded.announcement.text).toBe("");
    expect(loaded.flashes).toEqual({});

    const changed = run(loaded, { type: "live", event: updated(annotation({ version: 2, note: "theirs" })) });
    expect(held(changed)).toMatchObject({ note: "theirs", version: 2 });
  });

  it("a live event makes a never-opened annotation whole and current: opening it then reads nothing", () => {
    const start = store([summaryOf(annotation())]);
    const after = run(start, { type: "live", event: updated(annotation({ version: 2, note: "by Ana" })) });
    expect(isDetailed(held(after))).toBe(true);
    expect(held(after)).toMatchObject({ version: 2, note: "by Ana" });
  });

  it("a details read that a newer live event overtook does not roll it back", () => {
    const start = store([summaryOf(annotation())]);
    const live = run(start, { type: "live", event: updated(annotation({ version: 3, note: "newest" })) });
    const late = run(live, { type: "details", id: "a1", view: annotation({ version: 2, note: "older" }) });
    expect(held(late)).toMatchObject({ version: 3, note: "newest" });
    // Nor one read from before a newer summary: the summary stays, and `reads` moves on so the panel reads again.
    const newerSummary = store([summaryOf(annotation({ version: 4 }))]);
    const stale = run(newerSummary, { type: "details", id: "a1", view: annotation({ version: 3, note: "old" }) });
    expect(isDetailed(held(stale))).toBe(false);
    expect(held(stale).version).toBe(4);
    expect(stale.details.reads).toBe(1);
  });

  it("someone's change that a prefetched read brought first is still announced and flashed when its event comes, once", () => {
    const start = store([summaryOf(annotation())]);
    // The idle prefetch reads the details after Ana's save but before her event arrives.
    const read = run(start, { type: "details", id: "a1", view: annotation({ version: 2, note: "by Ana" }) });
    expect(held(read)).toMatchObject({ version: 2, note: "by Ana" });
    expect(read.announcement.text).toBe("");
    const event = updated(annotation({ version: 2, note: "by Ana" }));
    const heard = run(read, { type: "live", event });
    expect(heard.announcement).toEqual({ text: "Ana updated claim C1", serial: 1 });
    expect(heard.flashes).toEqual({ a1: 1 });
    // A replay of it says nothing more.
    expect(run(heard, { type: "live", event }).announcement.serial).toBe(1);
    // The user's own change from elsewhere, read ahead the same way, stays unsaid.
    const own = run(read, { type: "live", event: updated(annotation({ version: 2 }), { id: ME.id, name: "Me" }) });
    expect(own.announcement.text).toBe("");
    expect(own.data.unannounced).toEqual({});
  });

  it("a failed read is remembered for the panel's retry, and cleared by the retry or a later read", () => {
    const start = store([summaryOf(annotation())]);
    const failed = run(start, { type: "details", id: "a1", view: null });
    expect(failed.details.failed).toEqual({ a1: true });
    expect(failed.data).toBe(start.data);
    expect(run(failed, { type: "details-retry", id: "a1" }).details.failed).toEqual({});
    expect(run(failed, { type: "details", id: "a1", view: annotation() }).details.failed).toEqual({});
  });

  it("a newer summary (a re-read) over a whole annotation with unsaved typing pins the typing to what it started from", () => {
    const whole = annotation({ note: "stored" });
    const typing = run(store([whole]), {
      type: "work",
      id: "a1",
      entry: { draft: { ...draftFrom(whole), note: "mine" } },
    });
    const reread = run(typing, {
      type: "merge",
      view: {
        ...articleFixture({ annotations: [] }),
        revision: REVISION_1,
        annotations: [summaryOf(annotation({ version: 2 }))],
      },
    });
    expect(reread.data.pins.a1?.base).toBe(whole);
    expect(reread.data.work.a1?.draft?.note).toBe("mine");
  });
});
