import { describe, expect, it } from "vitest";
import { ANNOTATION_STATUSES, ARTICLE_STATUSES, type AnnotationStatus, type ArticleStatus } from "./annotation";
import {
  ANNOTATION_ACTIONS,
  ARTICLE_ACTIONS,
  lacksRating,
  mayReview,
  nextAnnotationStatus,
  nextArticleStatus,
  reviewBar,
  type AnnotationAction,
  type ArticleAction,
} from "./workflow";

/** Every (state, action) pair, spelled out; anything not listed must be refused. */
const ANNOTATION_ALLOWED: Partial<Record<`${AnnotationStatus} ${AnnotationAction}`, AnnotationStatus>> = {
  "DRAFT submit": "SUBMITTED",
  "DRAFT edit_substance": "DRAFT",
  "DRAFT edit_details": "DRAFT",
  "SUBMITTED approve": "APPROVED",
  "SUBMITTED request_changes": "CHANGES_REQUESTED",
  "SUBMITTED edit_substance": "DRAFT",
  "SUBMITTED edit_details": "SUBMITTED",
  "CHANGES_REQUESTED submit": "SUBMITTED",
  "CHANGES_REQUESTED edit_substance": "CHANGES_REQUESTED",
  "CHANGES_REQUESTED edit_details": "CHANGES_REQUESTED",
  "APPROVED edit_substance": "DRAFT",
  "APPROVED edit_details": "APPROVED",
  "ORPHANED edit_substance": "DRAFT",
  "ORPHANED edit_details": "ORPHANED",
};

const ARTICLE_ALLOWED: Partial<Record<`${ArticleStatus} ${ArticleAction}`, ArticleStatus>> = {
  "DRAFT submission": "IN_REVIEW",
  "IN_REVIEW submission": "IN_REVIEW",
  "IN_REVIEW sign_off": "SIGNED_OFF",
  "SIGNED_OFF reopen": "REOPENED",
  "REOPENED submission": "IN_REVIEW",
  "REOPENED sign_off": "SIGNED_OFF",
};

describe("annotation workflow", () => {
  for (const status of ANNOTATION_STATUSES) {
    for (const action of ANNOTATION_ACTIONS) {
      const expected = ANNOTATION_ALLOWED[`${status} ${action}`] ?? null;
      it(`${status} --${action}--> ${expected ?? "refused"}`, () => {
        expect(nextAnnotationStatus(status, action)).toBe(expected);
      });
    }
  }
});

describe("article workflow", () => {
  for (const status of ARTICLE_STATUSES) {
    for (const action of ARTICLE_ACTIONS) {
      const expected = ARTICLE_ALLOWED[`${status} ${action}`] ?? null;
      it(`${status} --${action}--> ${expected ?? "refused"}`, () => {
        expect(nextArticleStatus(status, action)).toBe(expected);
      });
    }
  }
});

describe("four eyes", () => {
  it("refuses reviewing your own work and allows anyone else's", () => {
    expect(mayReview("u1", { authorId: "u1", editorIds: [] })).toBe(false);
    expect(mayReview("u2", { authorId: "u1", editorIds: [] })).toBe(true);
    expect(reviewBar("u1", { authorId: "u1", editorIds: ["u1"] })).toBe("author");
  });

  it("refuses anyone who changed the substance since the last approval, and nobody else", () => {
    const edited = { authorId: "u1", editorIds: ["u2", "u3"] };
    expect(mayReview("u2", edited)).toBe(false);
    expect(mayReview("u3", edited)).toBe(false);
    expect(reviewBar("u2", edited)).toBe("editor");
    expect(mayReview("u4", edited)).toBe(true);
    expect(reviewBar("u4", edited)).toBeNull();
  });
});

describe("lacksRating (sign-off refuses while any claim or denial lacks one)", () => {
  it("is true for a claim or denial with neither a verdict nor a not-rated reason, never for analysis", () => {
    expect(lacksRating({ kind: "CLAIM", verdict: null, notRatedReason: null })).toBe(true);
    expect(lacksRating({ kind: "DENIAL", verdict: null, notRatedReason: "  " })).toBe(true);
    expect(lacksRating({ kind: "CLAIM", verdict: "FALSE", notRatedReason: null })).toBe(false);
    expect(lacksRating({ kind: "DENIAL", verdict: null, notRatedReason: "No data was published." })).toBe(false);
    expect(lacksRating({ kind: "ANALYSIS", verdict: null, notRatedReason: null })).toBe(false);
  });
});
