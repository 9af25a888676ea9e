import type { AnnotationStatus, ArticleStatus } from "@/lib/domain/annotation";

/** Workflow states as people say them. */
export const ANNOTATION_STATUS_LABELS: Record<AnnotationStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
  ORPHANED: "Orphaned",
};

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SIGNED_OFF: "Signed off",
  REOPENED: "Reopened",
};

/**
 * The mark beside an inline label (C1✓): a shape, not a colour, so it reads
 * in any colour scheme. A draft has none: it is where everything starts.
 * Submitted is an arrow (sent on for review): an ellipsis read as text cut off.
 */
export const STATUS_MARKS: Record<AnnotationStatus, string> = {
  DRAFT: "",
  SUBMITTED: "→",
  APPROVED: "✓",
  CHANGES_REQUESTED: "!",
  ORPHANED: "?",
};

/** "C1 ✓" to see; "C1 approved" to hear. */
export function inlineLabel(label: string, status: AnnotationStatus | undefined): { text: string; spoken: string } {
  if (!status || status === "DRAFT") return { text: label, spoken: label };
  return {
    text: `${label}\u202f${STATUS_MARKS[status]}`,
    spoken: `${label} ${ANNOTATION_STATUS_LABELS[status].toLowerCase()}`,
  };
}

/** Dates in UTC, as stored, so everyone reads the same day (and server and browser render alike). */
export const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
