import type { AnnotationStatus, ArticleStatus } from "./annotation";

/**
 * The four-eyes workflow as two pure state machines. Every transition not in a
 * table is refused; the server applies them, the UI reads them to show buttons.
 *
 * Annotation: DRAFT → submit → SUBMITTED → approve → APPROVED
 *                                        → request_changes → CHANGES_REQUESTED → submit → SUBMITTED
 *             editing an APPROVED annotation's substance returns it to DRAFT.
 * Article:    DRAFT → first submission → IN_REVIEW → sign_off → SIGNED_OFF → reopen → REOPENED
 *             REOPENED → submission → IN_REVIEW; REOPENED → sign_off → SIGNED_OFF.
 */
export const ANNOTATION_ACTIONS = ["submit", "approve", "request_changes", "edit_substance", "edit_details"] as const;
export type AnnotationAction = (typeof ANNOTATION_ACTIONS)[number];

const ANNOTATION_TABLE: Record<AnnotationStatus, Partial<Record<AnnotationAction, AnnotationStatus>>> = {
  DRAFT: { submit: "SUBMITTED", edit_substance: "DRAFT", edit_details: "DRAFT" },
  SUBMITTED: { approve: "APPROVED", request_changes: "CHANGES_REQUESTED", edit_substance: "SUBMITTED", edit_details: "SUBMITTED" },
  CHANGES_REQUESTED: { submit: "SUBMITTED", edit_substance: "CHANGES_REQUESTED", edit_details: "CHANGES_REQUESTED" },
  APPROVED: { edit_substance: "DRAFT", edit_details: "APPROVED" },
  // Lost its anchor after a revision: it must be fixed (edited) before it can go to review again.
  ORPHANED: { edit_substance: "DRAFT", edit_details: "ORPHANED" },
};

export function nextAnnotationStatus(status: AnnotationStatus, action: AnnotationAction): AnnotationStatus | null {
  return ANNOTATION_TABLE[status][action] ?? null;
}

/** Fields whose change is a change of substance: an approval no longer covers it. */
export const SUBSTANCE_FIELDS = ["kind", "quote", "start", "end", "verdict", "rationale", "sources", "deniesId"] as const;

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

/** Nobody reviews their own work, admins included. */
export function mayReview(reviewerId: string, authorId: string): boolean {
  return reviewerId !== authorId;
}
