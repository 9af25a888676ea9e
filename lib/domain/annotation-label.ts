import type { AnnotationKind } from "./annotation";

export const KIND_LETTER: Record<AnnotationKind, string> = { CLAIM: "C", DENIAL: "D", ANALYSIS: "A" };

/**
 * An annotation's short name, "C3", "D1", "A2": its kind's letter and the
 * number it was given at creation (per article and kind, never reused), so a
 * review note or comment that says "C3" keeps pointing at the same claim.
 */
export function annotationLabel(kind: AnnotationKind, number: number): string {
  return `${KIND_LETTER[kind]}${number}`;
}

/** The Article column holding the last number given to each kind. */
export const LAST_NUMBER_FIELD = {
  CLAIM: "lastClaimNumber",
  DENIAL: "lastDenialNumber",
  ANALYSIS: "lastAnalysisNumber",
} as const satisfies Record<AnnotationKind, string>;
