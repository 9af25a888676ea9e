import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/views/article-view";
import { mayDelete, mayUpdate, type WorkbenchPermissions } from "./access";
import {
  changedFields,
  draftFrom,
  NOT_RATED,
  patchBody,
  patchChanges,
  sourceBody,
  sourceDraftFrom,
  today,
} from "./drafts";

const annotation = {
  id: "a1",
  articleId: "art",
  revisionId: "rev",
  anchor: { status: "ANCHORED", score: 1 },
  previousQuote: null,
  kind: "CLAIM",
  number: 1,
  label: "C1",
  start: 0,
  end: 5,
  quote: "Hello",
  prefix: "",
  suffix: "",
  speaker: "Zhao",
  note: "",
  verdict: "FALSE",
  publicNote: null,
  notRatedReason: null,
  rationale: "Because.",
  deniesId: null,
  status: "DRAFT",
  version: 3,
  createdBy: { id: "u1", name: "Ed" },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  sources: [],
  lastReview: null,
  editorIds: [],
} as AnnotationView;

describe("annotation drafts", () => {
  it("round-trips an unchanged annotation with no changed fields", () => {
    expect(changedFields(draftFrom(annotation), annotation)).toEqual([]);
  });

  it("lists changed fields", () => {
    expect(changedFields({ ...draftFrom(annotation), speaker: "Someone", verdict: "TRUE" }, annotation)).toEqual([
      "speaker",
      "verdict",
    ]);
  });

  it("sends the version last seen and nulls for blanks", () => {
    expect(patchBody({ ...draftFrom(annotation), speaker: "  " }, 3)).toEqual({
      version: 3,
      kind: "CLAIM",
      speaker: null,
      note: "",
      publicNote: null,
      verdict: "FALSE",
      notRatedReason: null,
      rationale: "Because.",
      deniesId: null,
    });
  });

  it("sends “Not rated” as no verdict with its reason, and a verdict as no reason (they exclude each other)", () => {
    const notRated = patchChanges(
      { ...draftFrom(annotation), verdict: NOT_RATED, notRatedReason: " No figures were published. " },
      annotation,
    );
    expect(notRated).toEqual({ version: 3, verdict: null, notRatedReason: "No figures were published." });
    const marked = { ...annotation, verdict: null, notRatedReason: "No figures." } as AnnotationView;
    expect(draftFrom(marked)).toMatchObject({ verdict: NOT_RATED, notRatedReason: "No figures." });
    expect(patchChanges({ ...draftFrom(marked), verdict: "TRUE" }, marked)).toEqual({
      version: 3,
      verdict: "TRUE",
      notRatedReason: null,
    });
    expect(
      changedFields({ ...draftFrom(annotation), notRatedReason: "typed, then a verdict kept" }, annotation),
    ).toEqual([]);
  });

  it("clears the verdict when switching to analysis, and keeps the rationale unsent", () => {
    const body = patchBody({ ...draftFrom(annotation), kind: "ANALYSIS" }, 3);
    expect(body.verdict).toBeNull();
    expect(body).not.toHaveProperty("rationale");
  });

  it("sends only what changed, with what a change of kind clears", () => {
    expect(patchChanges({ ...draftFrom(annotation), speaker: "Someone" }, annotation)).toEqual({
      version: 3,
      speaker: "Someone",
    });
    expect(patchChanges({ ...draftFrom(annotation), kind: "ANALYSIS" }, annotation)).toEqual({
      version: 3,
      kind: "ANALYSIS",
      verdict: null,
    });
    const denial = { ...annotation, kind: "DENIAL", deniesId: "c9" } as AnnotationView;
    expect(patchChanges({ ...draftFrom(denial), kind: "CLAIM" }, denial)).toEqual({
      version: 3,
      kind: "CLAIM",
      deniesId: null,
    });
  });

  it("sends deniesId only for a denial", () => {
    expect(patchBody({ ...draftFrom(annotation), kind: "DENIAL", deniesId: "c9" }, 1).deniesId).toBe("c9");
    expect(patchBody({ ...draftFrom(annotation), kind: "CLAIM", deniesId: "c9" }, 1).deniesId).toBeNull();
  });
});

describe("source drafts", () => {
  it("sends blanks as null and the date as YYYY-MM-DD", () => {
    const draft = sourceDraftFrom({
      id: "s",
      position: 0,
      url: "https://x.org",
      title: null,
      publisher: "P",
      quote: null,
      accessedAt: "2026-03-14T00:00:00.000Z",
      archiveUrl: null,
    });
    expect(draft.accessedAt).toBe("2026-03-14");
    expect(sourceBody({ ...draft, url: " https://x.org " })).toEqual({
      url: "https://x.org",
      title: null,
      publisher: "P",
      quote: null,
      accessedAt: "2026-03-14",
      archiveUrl: null,
    });
  });

  it("formats today locally", () => {
    expect(today(new Date(2026, 2, 4, 23, 59))).toBe("2026-03-04");
  });
});

describe("access", () => {
  const editor: WorkbenchPermissions = {
    create: true,
    updateOwn: true,
    updateOthers: true,
    deleteOwn: true,
    deleteOthers: false,
    review: false,
    signOff: false,
    reopen: false,
    locked: false,
  };
  it("lets editors update anyone's but delete only their own", () => {
    expect(mayUpdate(editor, { id: "u2", role: "EDITOR" }, annotation)).toBe(true);
    expect(mayDelete(editor, { id: "u2", role: "EDITOR" }, annotation)).toBe(false);
    expect(mayDelete(editor, { id: "u1", role: "EDITOR" }, annotation)).toBe(true);
  });
  it("allows nothing on a signed-off article", () => {
    expect(mayUpdate({ ...editor, locked: true }, { id: "u1", role: "EDITOR" }, annotation)).toBe(false);
  });
});
