import type { ClaimRelation } from "../domain/claim-match";

/** One earlier rated claim or denial under "Checked before" (decision 030). */
export type SimilarClaim = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  label: string;
  quote: string;
  speaker: string | null;
  verdict: string;
  status: string;
  /** 0–1, best first within each relation. */
  score: number;
  /** "same", or "different-figure": similar wording with a figure, date, name or direction changed. */
  relation: Exclude<ClaimRelation, "unrelated">;
  rationaleExcerpt: string | null;
  createdAt: string;
};
