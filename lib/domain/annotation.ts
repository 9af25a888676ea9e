/** Kinds and the verdict scale (shared/design.md), with how ClaimReview rates them. */
export const ANNOTATION_KINDS = ["CLAIM", "DENIAL", "ANALYSIS"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const VERDICTS = [
  "TRUE",
  "MOSTLY_TRUE",
  "MIXED",
  "MOSTLY_FALSE",
  "FALSE",
  "MISLEADING",
  "UNVERIFIABLE",
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_SCALE: Record<Verdict, { label: string; rating: number | null }> = {
  TRUE: { label: "True", rating: 5 },
  MOSTLY_TRUE: { label: "Mostly true", rating: 4 },
  MIXED: { label: "Mixed", rating: 3 },
  MOSTLY_FALSE: { label: "Mostly false", rating: 2 },
  FALSE: { label: "False", rating: 1 },
  MISLEADING: { label: "Misleading", rating: null },
  UNVERIFIABLE: { label: "Unverifiable", rating: null },
};

export const KIND_LABELS: Record<AnnotationKind, string> = { CLAIM: "Claim", DENIAL: "Denial", ANALYSIS: "Analysis" };

/** Only claims and denials are rated; analysis is commentary. */
export const kindTakesVerdict = (kind: AnnotationKind) => kind !== "ANALYSIS";

export const ARTICLE_STATUSES = ["DRAFT", "IN_REVIEW", "SIGNED_OFF", "REOPENED"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Where re-anchoring across a new revision of the article left an annotation
 * (docs/decisions/023): ANCHORED on exactly its words, CHANGED onto words that
 * changed (back to DRAFT, the old words kept in previousQuote), ORPHANED not
 * placed (kept on the revision it was last found on, waiting for an editor).
 */
export const ANCHOR_STATUSES = ["ANCHORED", "CHANGED", "ORPHANED"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

export const ANNOTATION_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "ORPHANED"] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];
