import { VERDICT_SCALE, VERDICTS } from "@/lib/domain/annotation";
import type { VerdictCounts } from "@/lib/views/speakers";

/** "False 3 · Mostly true 1": the verdicts a speaker's claims and denials got, in scale order. */
export function verdictSummary(verdicts: VerdictCounts): string {
  const parts = VERDICTS.filter((verdict) => verdicts[verdict]).map(
    (verdict) => `${VERDICT_SCALE[verdict].label} ${verdicts[verdict]}`,
  );
  if (verdicts.unrated) parts.push(`not rated ${verdicts.unrated}`);
  return parts.join(" · ") || "—";
}
