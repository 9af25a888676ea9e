import type { ArticleStatus } from "../domain/annotation";
import type { VerdictCounts } from "./speakers";

/** The front page's "Desk" figures, one use case each (lib/server/desk). */
export type ReviewBacklog = {
  waiting: number;
  /** When the annotation waiting longest was submitted (its last change). */
  oldestSince: string | null;
  byAge: { key: string; label: string; count: number }[];
};
export type ArticlesByStatus = { status: ArticleStatus; count: number }[];
/** Claims and denials per week (by when they were tagged), each week starting Monday 00:00 UTC. */
export type VerdictWeeks = { week: string; verdicts: VerdictCounts }[];
export type TopSpeakers = { id: string; name: string; checked: number }[];
