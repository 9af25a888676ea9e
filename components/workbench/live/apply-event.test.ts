import { describe, expect, it } from "vitest";
import type { AnnotationView, ArticleView } from "@/lib/views/article-view";
import { draftFrom } from "../drafts";
import { annotation } from "./annotation-fixture";
import {
  applyEvent,
  EVENT_NAMES,
  initialState,
  liveNotice,
  mergeArticle,
  panelAnnotation,
  parseEvent,
  putOwn,
  removeAnnotation,
  setWork,
  type EventActor,
  type LiveEvent,
  type WorkbenchState,
} from "./apply-event";

const ME = "u-me";
const ANA = { id: "u-ana", name: "Ana" };
const RAE = { id: "u-rae", name: "Rae" };

const state = (annotations: AnnotationView[] = [annotation()]): WorkbenchState =>
  initialState({ annotations, status: "DRAFT", signOff: null, version: 1 });
const updated = (view: AnnotationView, actor: EventActor = ANA, action = "annotation.updated"): LiveEvent => ({
  type: "annotation.updated",
  actor,
  at: "",
  action,
  annotation: view,
});
const typing = (current: WorkbenchState, id: string, changes: Partial<ReturnType<typeof draftFrom>>) => {
  // Typing happens in a whole annotation only (the form waits for the details).
  const view = current.annotations.find((annotation) => annotation.id === id) as AnnotationView;
  return setWork(current, id, { draft: { ...draftFrom(view), ...changes } });
};

describe("parseEvent", () => {
  it("reads a new revision's event (the workbench then re-reads the article) and listens for it", () => {
    const data = {
      actor: ANA,
      at: "t",
      action: "article.revised",
      revision: { id: "r3", number: 3, note: "fix", createdAt: "t" },
      reanchoring: { anchored: 1, changed: 0, orphaned: 1 },
      version: 9,
    };
    expect(parseEvent("article.revised", JSON.stringify(data))).toEqual({
      type: "article.revised",
      actor: ANA,
      at: "t",
      action: "article.revised",
      number: 3,
    });
    // A shape it cannot read still makes the workbench re-read the article.
    expect(parseEvent("article.revised", JSON.stringify({ ...data, revision: null }))).toMatchObject({ number: null });
    expect(EVENT_NAMES).toContain("article.revised");
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it("reads the stream's events and ignores anything malformed or unknown", () => {
    expect(parseEvent("ready", JSON.stringify({ connectionId: "c1", cursor: 7 }))).toEqual({
      type: "ready",
      connectionId: "c1",
      cursor: 7,
    });
    expect(
      parseEvent("annotation.deleted", JSON.stringify({ actor: ANA, at: "t", action: "annotation.deleted", id: "a1" })),
    ).toEqual({ type: "annotation.deleted", actor: ANA, at: "t", action: "annotation.deleted", id: "a1" });
    expect(
      parseEvent(
        "annotation.updated",
        JSON.stringify({ actor: null, at: "t", action: "source.added", annotation: annotation() }),
      ),
    ).toMatchObject({ type: "annotation.updated", actor: null, action: "source.added" });
    expect(
      parseEvent(
        "presence",
        JSON.stringify({ users: [{ userId: "u1", name: "Ana", annotationId: null, since: "t" }, { bogus: true }] }),
      ),
    ).toEqual({
      type: "presence",
      users: [{ userId: "u1", name: "Ana", annotationId: null, since: "t" }],
    });
    expect(
      parseEvent(
        "article.status",
        JSON.stringify({
          actor: RAE,
          at: "t",
          action: "article.signed_off",
          status: "SIGNED_OFF",
          version: 4,
          signOff: null,
        }),
      ),
    ).toMatchObject({ status: "SIGNED_OFF", version: 4 });
    expect(
      parseEvent("comment.created", JSON.stringify({ commentId: "k1", annotationId: "a1", comment: null })),
    ).toEqual({ type: "comment.created", data: { commentId: "k1", annotationId: "a1", comment: null } });
    expect(parseEvent("annotation.updated", JSON.stringify({ annotation: { id: "a1" } }))).toBeNull();
    expect(parseEvent("article.status", JSON.stringify({ status: "ARCHIVED", version: 1 }))).toBeNull();
    expect(parseEvent("ready", "not json")).toBeNull();
    expect(parseEvent("something.new", "{}")).toBeNull();
  });
});

describe("applyEvent: annotations", () => {
  it("adds a new annotation, announcing who added what, and flashes it", () => {
    const created = annotation({
      id: "a2",
      kind: "ANALYSIS",
      quote: "A very long quote ".repeat(10),
      start: 30,
      end: 200,
    });
    const result = applyEvent(
      state(),
      { type: "annotation.created", actor: ANA, at: "", action: "annotation.created", annotation: created },
      ME,
    );
    expect(result.state.annotations.map((view) => view.id)).toEqual(["a1", "a2"]);
    expect(result.announce).toMatch(/^Ana added an analysis “A very long quote .*…”$/);
    expect(result.flash).toEqual(["a2"]);
  });

  it("replaces only with a newer version, and says which annotation changed", () => {
    // a0, tagged later before a1 in the text, does not renumber it: a1 stays C1.
    const start = state([annotation(), annotation({ id: "a0", start: 0, end: 5, version: 1, number: 2 })]);
    const result = applyEvent(start, updated(annotation({ version: 2, speaker: "Li" })), ME);
    expect(result.state.annotations.find((view) => view.id === "a1")!.speaker).toBe("Li");
    expect(result.announce).toBe("Ana updated claim C1");
    // The same event again (a replay), or an older one: nothing happens.
    expect(applyEvent(result.state, updated(annotation({ version: 2, speaker: "Other" })), ME)).toEqual({
      state: result.state,
    });
    expect(applyEvent(result.state, updated(annotation({ version: 1 })), ME).state).toBe(result.state);
  });

  it("names review and source changes by what happened", () => {
    expect(
      applyEvent(state(), updated(annotation({ version: 2, status: "APPROVED" }), RAE, "annotation.approved"), ME)
        .announce,
    ).toBe("Rae approved claim C1");
    expect(applyEvent(state(), updated(annotation({ version: 2 }), ANA, "source.added"), ME).announce).toBe(
      "Ana added a source to claim C1",
    );
    expect(applyEvent(state(), updated(annotation({ version: 2 }), null), ME).announce).toBe(
      "Someone updated claim C1",
    );
  });

  it("takes a reused verdict's change in another article as this annotation's, and says what to do", () => {
    const flagged = annotation({ version: 2, basedOnChangedAt: "2026-12-01T10:00:00.000Z" });
    const result = applyEvent(state(), updated(flagged, RAE, "annotation.basis_changed"), ME);
    expect(result.state.annotations[0].basedOnChangedAt).toBe("2026-12-01T10:00:00.000Z");
    expect(result.announce).toBe(
      "Rae changed the verdict that claim C1 reused, in another article: keep its verdict or change it",
    );
    expect(result.flash).toEqual(["a1"]);
  });

  it("applies the user's own changes silently (their request already announced them)", () => {
    const own = { id: ME, name: "Me" };
    const result = applyEvent(state(), updated(annotation({ version: 2, note: "mine" }), own), ME);
    expect(result.state.annotations[0]).toMatchObject({ note: "mine" });
    expect(result.announce).toBeUndefined();
    expect(result.flash).toBeUndefined();
    // Its echo after the answer came: ignored by version.
    const answered = putOwn(state(), annotation({ version: 2, note: "mine" }));
    expect(applyEvent(answered, updated(annotation({ version: 2, note: "mine" }), own), ME).state).toBe(answered);
  });

  it("never duplicates an annotation whose creation event beats the POST answer", () => {
    const created = annotation({ id: "a2" });
    const viaEvent = applyEvent(
      state(),
      {
        type: "annotation.created",
        actor: { id: ME, name: "Me" },
        at: "",
        action: "annotation.created",
        annotation: created,
      },
      ME,
    ).state;
    expect(putOwn(viaEvent, created).annotations.filter((view) => view.id === "a2")).toHaveLength(1);
  });
});

describe("applyEvent: unsaved typing is never overwritten", () => {
  it("pins the draft to the version it started from when someone else changes a field, and says who", () => {
    const editing = typing(state(), "a1", { note: "my note" });
    const result = applyEvent(editing, updated(annotation({ version: 2, speaker: "Li" })), ME);
    // The highlight and lists show their version…
    expect(result.state.annotations[0]).toMatchObject({ version: 2, speaker: "Li" });
    // …the form still edits version 1 (so saving meets the 409 conflict), with the typed text untouched.
    expect(panelAnnotation(result.state, "a1")).toMatchObject({ version: 1, speaker: "Zhao" });
    expect(result.state.work.a1.draft!.note).toBe("my note");
    expect(liveNotice(result.state, "a1")).toEqual({ theirs: result.state.annotations[0], by: "Ana" });
    expect(result.announce).toBe("Ana updated claim C1. Your unsaved changes to it are kept: review before saving");

    // A second change keeps the original base and names the latest person.
    const again = applyEvent(result.state, updated(annotation({ version: 3, speaker: "Wang" }), RAE), ME);
    expect(panelAnnotation(again.state, "a1")!.version).toBe(1);
    expect(liveNotice(again.state, "a1")).toMatchObject({ by: "Rae", theirs: { version: 3 } });
  });

  it("shows sources and status as they are now while pinned", () => {
    const editing = typing(state(), "a1", { note: "my note" });
    const source = {
      id: "s1",
      position: 0,
      url: "https://example.org",
      title: null,
      publisher: null,
      quote: null,
      accessedAt: null,
      archiveUrl: null,
    };
    const pinned = applyEvent(
      editing,
      updated(annotation({ version: 2, speaker: "Li", sources: [source], status: "SUBMITTED" })),
      ME,
    ).state;
    expect(panelAnnotation(pinned, "a1")).toMatchObject({
      version: 1,
      speaker: "Zhao",
      status: "SUBMITTED",
      sources: [source],
    });
  });

  it("rebases silently when their change leaves the edited fields alone", () => {
    const editing = typing(state(), "a1", { note: "my note" });
    const result = applyEvent(
      editing,
      updated(annotation({ version: 2, status: "SUBMITTED" }), ANA, "annotation.submitted"),
      ME,
    );
    expect(result.state.pins).toEqual({});
    expect(panelAnnotation(result.state, "a1")!.version).toBe(2);
    expect(result.state.work.a1.draft!.note).toBe("my note");
    expect(liveNotice(result.state, "a1")).toBeUndefined();
  });

  it("drops a draft their version already matches", () => {
    const editing = typing(state(), "a1", { speaker: "Li" });
    const result = applyEvent(editing, updated(annotation({ version: 2, speaker: "Li" })), ME);
    expect(result.state.work.a1.draft).toBeUndefined();
    expect(result.state.pins).toEqual({});
  });

  it("lets go of the pin once the draft is saved, discarded or replaced by their version", () => {
    const pinned = applyEvent(
      typing(state(), "a1", { note: "my note" }),
      updated(annotation({ version: 2, speaker: "Li" })),
      ME,
    ).state;
    // The form passes the derived notice back with its work: it is never stored.
    const kept = setWork(pinned, "a1", {
      draft: undefined,
      kept: pinned.work.a1.draft,
      live: liveNotice(pinned, "a1"),
    });
    expect(kept.pins).toEqual({});
    expect(kept.work.a1).toEqual({ draft: undefined, kept: pinned.work.a1.draft });
    expect(panelAnnotation(kept, "a1")).toMatchObject({ version: 2, speaker: "Li" });
    expect(liveNotice(kept, "a1")).toBeUndefined();
  });

  it("treats a whole-article re-read like live changes", () => {
    const editing = typing(state(), "a1", { note: "my note" });
    const view = {
      annotations: [annotation({ version: 2, speaker: "Li" })],
      status: "IN_REVIEW",
      signOff: null,
      version: 2,
    } as unknown as ArticleView;
    const merged = mergeArticle(editing, view, "Someone");
    expect(merged.review.status).toBe("IN_REVIEW");
    expect(panelAnnotation(merged, "a1")!.version).toBe(1);
    expect(liveNotice(merged, "a1")).toMatchObject({ by: "Someone" });
    // An older answer never rolls anything back.
    const stale = {
      ...view,
      annotations: [annotation({ version: 1 })],
      status: "DRAFT",
      version: 1,
    } as unknown as ArticleView;
    const after = mergeArticle(merged, stale, "Someone");
    expect(after.annotations[0].version).toBe(2);
    expect(after.review.status).toBe("IN_REVIEW");
  });
});

describe("applyEvent: deletions", () => {
  it("removes the annotation and clears denials of it", () => {
    const denial = annotation({ id: "d1", kind: "DENIAL", deniesId: "a1", start: 40, end: 50 });
    const result = applyEvent(
      state([annotation(), denial]),
      { type: "annotation.deleted", actor: ANA, at: "", action: "annotation.deleted", id: "a1" },
      ME,
    );
    expect(result.state.annotations).toEqual([{ ...denial, deniesId: null }]);
    expect(result.announce).toBe("Ana deleted a claim");
    expect(result.state.orphans).toEqual({});
  });

  it("keeps an annotation with unsaved text on screen, saying who deleted it", () => {
    const editing = typing(state(), "a1", { note: "worth keeping" });
    const result = applyEvent(
      editing,
      { type: "annotation.deleted", actor: ANA, at: "", action: "annotation.deleted", id: "a1" },
      ME,
    );
    expect(result.state.annotations).toEqual([]);
    expect(result.state.orphans.a1).toMatchObject({ label: "C1", by: "Ana", annotation: { id: "a1" } });
    expect(result.state.work.a1.draft!.note).toBe("worth keeping");
    expect(panelAnnotation(result.state, "a1")!.id).toBe("a1");
    expect(liveNotice(result.state, "a1")).toEqual({ theirs: null, by: "Ana" });
    expect(result.announce).toBe("Ana deleted a claim. Your unsaved text in it is still in the panel");
    // A late update for it changes nothing; closing it lets it go.
    expect(applyEvent(result.state, updated(annotation({ version: 5 })), ME).state).toBe(result.state);
    expect(removeAnnotation(result.state, "a1")).toMatchObject({ orphans: {}, work: {} });
  });

  it("ignores deletions of annotations it does not hold, and its own", () => {
    const start = state();
    expect(
      applyEvent(start, { type: "annotation.deleted", actor: ANA, at: "", action: "annotation.deleted", id: "zz" }, ME),
    ).toEqual({ state: start });
    const own = applyEvent(
      start,
      { type: "annotation.deleted", actor: { id: ME, name: "Me" }, at: "", action: "annotation.deleted", id: "a1" },
      ME,
    );
    expect(own.state.annotations).toEqual([]);
    expect(own.announce).toBeUndefined();
  });
});

describe("applyEvent: article status", () => {
  const signOff = { decision: "APPROVED" as const, note: null, reviewer: RAE, at: "t" };
  it("follows newer versions and announces a sign-off by the reviewer", () => {
    const result = applyEvent(
      state(),
      {
        type: "article.status",
        actor: RAE,
        at: "",
        action: "article.signed_off",
        status: "SIGNED_OFF",
        version: 3,
        signOff,
      },
      ME,
    );
    expect(result.state.review).toEqual({ status: "SIGNED_OFF", signOff, version: 3 });
    expect(result.announce).toBe("Article signed off by Rae");
    const reopened = applyEvent(
      result.state,
      {
        type: "article.status",
        actor: RAE,
        at: "",
        action: "article.reopened",
        status: "REOPENED",
        version: 4,
        signOff: null,
      },
      ME,
    );
    expect(reopened.announce).toBe("Article reopened by Rae");
    expect(
      applyEvent(
        reopened.state,
        {
          type: "article.status",
          actor: ANA,
          at: "",
          action: "article.status",
          status: "IN_REVIEW",
          version: 5,
          signOff: null,
        },
        ME,
      ).announce,
    ).toBe("Article is now in review");
    // Stale or own: applied silently or not at all.
    expect(
      applyEvent(
        reopened.state,
        {
          type: "article.status",
          actor: RAE,
          at: "",
          action: "article.signed_off",
          status: "SIGNED_OFF",
          version: 3,
          signOff,
        },
        ME,
      ).state,
    ).toBe(reopened.state);
    expect(
      applyEvent(
        reopened.state,
        {
          type: "article.status",
          actor: { id: ME, name: "Me" },
          at: "",
          action: "article.signed_off",
          status: "SIGNED_OFF",
          version: 9,
          signOff,
        },
        ME,
      ).announce,
    ).toBeUndefined();
  });
});

describe("mergeArticle", () => {
  const article = (annotations: AnnotationView[], version = 1) =>
    ({ annotations, status: "DRAFT", signOff: null, version }) as unknown as ArticleView;
  const many = (n: number, version = 1) =>
    Array.from({ length: n }, (_, i) =>
      annotation({ id: `a${i}`, number: i + 1, start: i * 10, end: i * 10 + 5, version }),
    );

  it("adds, replaces and removes in one pass, keeping the order held and clearing denials of removed claims", () => {
    const denial = annotation({ id: "d1", kind: "DENIAL", deniesId: "a0", start: 40, end: 50 });
    const start = state([...many(3), denial]);
    const merged = mergeArticle(
      start,
      article([
        annotation({ id: "a2", version: 2, speaker: "Li" }),
        annotation({ id: "a9" }),
        denial,
        annotation({ id: "a1" }),
      ]),
      "Someone",
    );
    expect(merged.annotations.map((view) => `${view.id}@${view.version}`)).toEqual(["a1@1", "a2@2", "d1@1", "a9@1"]);
    expect(merged.annotations.find((view) => view.id === "d1")!.deniesId).toBeNull();
    // Held annotations that did not change are the same objects: nothing re-renders for them.
    expect(merged.annotations[0]).toBe(start.annotations[1]);
  });

  it("keeps removed annotations with unsaved text as orphans, as a live deletion does", () => {
    const editing = typing(state(many(2)), "a1", { note: "worth keeping" });
    const merged = mergeArticle(editing, article(many(1)), "Someone");
    expect(merged.annotations.map((view) => view.id)).toEqual(["a0"]);
    expect(merged.orphans.a1).toMatchObject({ label: "C2", by: "Someone", annotation: { id: "a1" } });
    expect(merged.work.a1.draft!.note).toBe("worth keeping");
  });

  it("changes nothing when the article is what is held (a replay)", () => {
    const start = state(many(3));
    expect(mergeArticle(start, article(many(3)), "Someone").annotations).toBe(start.annotations);
  });

  /** Every property read of every annotation either side holds, across one merge of n annotations of which a tenth changed. */
  function readsToMerge(n: number): number {
    let reads = 0;
    const counted = (view: AnnotationView) =>
      new Proxy(view, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const held = many(n).map(counted);
    const incoming = many(n).map((view, i) => counted(i % 10 === 0 ? { ...view, version: 2 } : view));
    // One removed and one new: the paths that used to search the whole list per annotation.
    incoming.pop();
    incoming.push(counted(annotation({ id: "new", start: 5, end: 7 })));
    const merged = mergeArticle(state(held), article(incoming), "Someone");
    expect(merged.annotations).toHaveLength(n);
    return reads;
  }

  it("does work in proportion to the annotations (10,000 vs 20,000), not their square", () => {
    const small = readsToMerge(10_000);
    const large = readsToMerge(20_000);
    // A search per annotation would read about n²/2 ids (5·10⁷ here) and double the ratio to 4.
    expect(small / 10_000).toBeLessThan(20);
    expect(large / small).toBeLessThan(2.2);
  });
});
