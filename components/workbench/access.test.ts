import { describe, expect, it } from "vitest";
import type { AnnotationStatus } from "@/lib/domain/annotation";
import {
  judgeable,
  mayJudge,
  mayReopen,
  maySubmit,
  myDrafts,
  nextToJudge,
  offersSignOff,
  signOffBlockers,
  signOffScope,
  type WorkbenchActor,
  type WorkbenchPermissions,
} from "./access";
import { inlineLabel } from "./status";

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
const reviewer: WorkbenchPermissions = { ...editor, deleteOthers: true, review: true, signOff: true, reopen: true };
const ed: WorkbenchActor = { id: "ed", role: "EDITOR" };
const rae: WorkbenchActor = { id: "rae", role: "REVIEWER" };
const by = (author: string, status: AnnotationStatus, editorIds: string[] = []) => ({
  createdBy: { id: author },
  status,
  editorIds,
});

describe("review access", () => {
  it("offers submit on a draft or a sent-back annotation to whoever may edit it", () => {
    expect(maySubmit(editor, ed, by("ed", "DRAFT"))).toBe(true);
    expect(maySubmit(editor, ed, by("rae", "CHANGES_REQUESTED"))).toBe(true);
    expect(maySubmit(editor, ed, by("ed", "SUBMITTED"))).toBe(false);
    expect(maySubmit(editor, ed, by("ed", "APPROVED"))).toBe(false);
    expect(maySubmit({ ...editor, locked: true }, ed, by("ed", "DRAFT"))).toBe(false);
  });

  it("after changes were requested, offers submit to the author, to whoever reworked it and to editors, not to a reviewer who did neither", () => {
    const admin: WorkbenchActor = { id: "max", role: "ADMIN" };
    expect(maySubmit(reviewer, rae, by("ed", "CHANGES_REQUESTED"))).toBe(false);
    expect(maySubmit(reviewer, admin, by("ed", "CHANGES_REQUESTED"))).toBe(false);
    expect(maySubmit(reviewer, rae, by("ed", "CHANGES_REQUESTED", ["rae"]))).toBe(true);
    expect(maySubmit(reviewer, rae, by("rae", "CHANGES_REQUESTED"))).toBe(true);
    expect(maySubmit(editor, ed, by("ed", "CHANGES_REQUESTED"))).toBe(true);
    // A draft is still anyone's to submit who may edit it.
    expect(maySubmit(reviewer, rae, by("ed", "DRAFT"))).toBe(true);
  });

  it("counts the user's own drafts for submit-all, and walks what they may review for approve-and-next", () => {
    const at = (id: string, start: number, author: string, status: AnnotationStatus, editorIds: string[] = []) => ({
      id,
      kind: "CLAIM" as const,
      start,
      end: start + 3,
      ...by(author, status, editorIds),
    });
    const list = [
      at("d2", 20, "ed", "DRAFT"),
      at("d1", 0, "ed", "DRAFT"),
      at("o", 10, "max", "DRAFT"),
      at("s", 5, "ed", "SUBMITTED"),
    ];
    expect(myDrafts(editor, ed, list).map((a) => a.id)).toEqual(["d1", "d2"]);
    expect(myDrafts({ ...editor, locked: true }, ed, list)).toEqual([]);

    const queue = [
      at("s3", 30, "ed", "SUBMITTED"),
      at("s1", 10, "ed", "SUBMITTED"),
      at("mine", 15, "rae", "SUBMITTED"),
      at("changed", 20, "ed", "SUBMITTED", ["rae"]),
      at("s2", 25, "max", "SUBMITTED"),
      at("draft", 5, "ed", "DRAFT"),
    ];
    expect(judgeable(reviewer, rae, queue).map((a) => a.id)).toEqual(["s1", "s2", "s3"]);
    expect(nextToJudge(reviewer, rae, queue, "s1")?.id).toBe("s2");
    expect(nextToJudge(reviewer, rae, queue, "changed")?.id).toBe("s2");
    // Past the last one it wraps round to the first still waiting.
    expect(nextToJudge(reviewer, rae, queue, "s3")?.id).toBe("s1");
    expect(nextToJudge(reviewer, rae, [queue[1]], "s1")).toBeNull();
  });

  it("offers approve and request changes only to a reviewer who did not write it, while it is submitted", () => {
    expect(mayJudge(reviewer, rae, by("ed", "SUBMITTED"))).toBe(true);
    expect(mayJudge(reviewer, rae, by("rae", "SUBMITTED"))).toBe(false);
    expect(mayJudge(editor, ed, by("rae", "SUBMITTED"))).toBe(false);
    expect(mayJudge(reviewer, rae, by("ed", "DRAFT"))).toBe(false);
    expect(mayJudge({ ...reviewer, locked: true }, rae, by("ed", "SUBMITTED"))).toBe(false);
  });

  it("hides approve and request changes from a reviewer who changed the substance, as from the author", () => {
    expect(mayJudge(reviewer, rae, by("ed", "SUBMITTED", ["rae"]))).toBe(false);
    expect(mayJudge(reviewer, rae, by("ed", "SUBMITTED", ["max"]))).toBe(true);
  });

  it("says what blocks a sign-off", () => {
    const rated = { kind: "CLAIM" as const, verdict: "FALSE" as const, notRatedReason: null };
    const annotations = [
      { id: "a", status: "APPROVED" as const, ...rated },
      { id: "b", status: "SUBMITTED" as const, ...rated },
      { id: "c", status: "APPROVED" as const, kind: "DENIAL" as const, verdict: null, notRatedReason: null },
      { id: "d", status: "APPROVED" as const, kind: "CLAIM" as const, verdict: null, notRatedReason: "No figures." },
      { id: "e", status: "APPROVED" as const, kind: "ANALYSIS" as const, verdict: null, notRatedReason: null },
      // Approved and rated, but the verdict it reused was changed since: someone must keep or change it.
      { id: "f", status: "APPROVED" as const, ...rated, basedOnChangedAt: "2026-12-01T10:00:00.000Z" },
    ];
    expect(signOffBlockers("IN_REVIEW", annotations)).toEqual({
      pending: [annotations[1]],
      unrated: [annotations[2]],
      basisChanged: [annotations[5]],
      notInReview: false,
    });
    expect(signOffBlockers("REOPENED", [annotations[0]])).toEqual({
      pending: [],
      unrated: [],
      basisChanged: [],
      notInReview: false,
    });
    expect(signOffBlockers("DRAFT", []).notInReview).toBe(true);
    expect(offersSignOff(reviewer, "IN_REVIEW")).toBe(true);
    expect(offersSignOff(reviewer, "SIGNED_OFF")).toBe(false);
    expect(offersSignOff(editor, "IN_REVIEW")).toBe(false);
    expect(mayReopen(reviewer, "SIGNED_OFF")).toBe(true);
    expect(mayReopen(reviewer, "IN_REVIEW")).toBe(false);
    expect(mayReopen(editor, "SIGNED_OFF")).toBe(false);
  });

  it("leaves unplaced annotations out of a sign-off, as the server does", () => {
    const anchored = { id: "a", anchor: { status: "ANCHORED" as const } };
    const changed = { id: "b", anchor: { status: "CHANGED" as const } };
    const orphan = { id: "c", anchor: { status: "ORPHANED" as const } };
    expect(signOffScope([anchored, orphan, changed])).toEqual([anchored, changed]);
  });

  it("labels highlights with a mark and words for it", () => {
    expect(inlineLabel("C1", "DRAFT")).toEqual({ text: "C1", spoken: "C1" });
    expect(inlineLabel("C1", "APPROVED")).toEqual({ text: "C1\u202f✓", spoken: "C1 approved" });
    expect(inlineLabel("D2", "CHANGES_REQUESTED").spoken).toBe("D2 changes requested");
  });
});
