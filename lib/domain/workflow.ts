import {
  kindTakesVerdict,
  type AnnotationKind,
  type AnnotationStatus,
  type ArticleStatus,
  type Verdict,
} from "./annotation";

/**
 * The four-eyes workflow as two pure state machines. Every transition not in a
 * table is refused; the server applies them, the UI reads them to show buttons.
 *
 * Annotation: DRAFT → submit → SUBMITTED → approve → APPROVED
 *                                        → request_changes → CHANGES_REQUESTED → submit → SUBMITTED
 *             editing the substance of a SUBMITTED or APPROVED annotation returns it to
 *             DRAFT: the version under review (or approved) is no longer the one that was
 *             read. A CHANGES_REQUESTED one stays there (it is already being reworked).
 * Article:    DRAFT → first submission → IN_REVIEW → sign_off → SIGNED_OFF → reopen → REOPENED
 *             REOPENED → submission → IN_REVIEW; REOPENED → sign_off → SIGNED_OFF.
 */
export const ANNOTATION_ACTIONS = ["submit", "approve", "request_changes", "edit_substance", "edit_details"] as const;
export type AnnotationAction = (typeof ANNOTATION_ACTIONS)[number];

const ANNOTATION_TABLE: Record<AnnotationStatus, Partial<Record<AnnotationAction, AnnotationStatus>>> = {
  DRAFT: { submit: "SUBMITTED", edit_substance: "DRAFT", edit_details: "DRAFT" },
  SUBMITTED: {
    approve: "APPROVED",
    request_changes: "CHANGES_REQUESTED",
    edit_substance: "DRAFT",
    edit_details: "SUBMITTED",
  },
  CHANGES_REQUESTED: { submit: "SUBMITTED", edit_substance: "CHANGES_REQUESTED", edit_details: "CHANGES_REQUESTED" },
  APPROVED: { edit_substance: "DRAFT", edit_details: "APPROVED" },
  // Lost its anchor after a revision: it must be fixed (edited) before it can go to review again.
  ORPHANED: { edit_substance: "DRAFT", edit_details: "ORPHANED" },
};

export function nextAnnotationStatus(status: AnnotationStatus, action: AnnotationAction): AnnotationStatus | null {
  return ANNOTATION_TABLE[status][action] ?? null;
}

/**
 * Fields whose change is a change of substance: an approval no longer covers it.
 * publicNote is one: it is published to readers beside the verdict, so a
 * second pair of eyes must have read it (the internal note is not). So is
 * notRatedReason: it stands in for the verdict and is published in its place.
 */
export const SUBSTANCE_FIELDS = [
  "kind",
  "quote",
  "start",
  "end",
  "verdict",
  "notRatedReason",
  "rationale",
  "sources",
  "deniesId",
  "publicNote",
] as const;

export const ARTICLE_ACTIONS = ["submission", "sign_off", "reopen"] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

const ARTICLE_TABLE: Record<ArticleStatus, Partial<Record<ArticleAction, ArticleStatus>>> = {
  DRAFT: { submission: "IN_REVIEW" },
  IN_REVIEW: { submission: "IN_REVIEW", sign_off: "SIGNED_OFF" },
  SIGNED_OFF: { reopen: "REOPENED" },
  REOPENED: { submission: "IN_REVIEW", sign_off: "SIGNED_OFF" },
};

export function nextArticleStatus(status: ArticleStatus, action: ArticleAction): ArticleStatus | null {
  return ARTICLE_TABLE[status][action] ?? null;
}

/** Who wrote an annotation and who changed its substance since an approval last covered it. */
export type ReviewSubject = { authorId: string; editorIds: readonly string[] };

/**
 * Why `reviewerId` may not review an annotation, or null when they may: nobody
 * approves (or sends back) words or a verdict they wrote or changed, admins
 * included. The one four-eyes rule; the server enforces it and the UI reads it.
 */
export function reviewBar(reviewerId: string, { authorId, editorIds }: ReviewSubject): "author" | "editor" | null {
  if (reviewerId === authorId) return "author";
  if (editorIds.includes(reviewerId)) return "editor";
  return null;
}

export function mayReview(reviewerId: string, subject: ReviewSubject): boolean {
  return reviewBar(reviewerId, subject) === null;
}

/**
 * A claim or denial that blocks sign-off: it has no verdict and is not marked
 * "not rated" with a reason. Analysis is never rated. The server refuses the
 * sign-off on it; the workbench reads it to say so before anyone tries.
 */
export function lacksRating(annotation: {
  kind: AnnotationKind;
  verdict: Verdict | null;
  notRatedReason: string | null;
}): boolean {
  return kindTakesVerdict(annotation.kind) && !annotation.verdict && !annotation.notRatedReason?.trim();
}
