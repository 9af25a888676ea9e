import type { AnnotationKind, AnnotationStatus, ArticleStatus, Verdict } from "../domain/annotation";

/** Counts per verdict; claims and denials without one are `unrated`. */
export type VerdictCounts = Partial<Record<Verdict | "unrated", number>>;

/** A speaker record as /speakers and GET /api/v1/speakers list it. */
export type SpeakerListItem = {
  id: string;
  name: string;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
  claims: number;
  denials: number;
  verdicts: VerdictCounts;
  lastCheckedAt: string | null;
};
export type SpeakerList = { items: SpeakerListItem[]; total: number; page: number; pageSize: number };

/** One claim or denial by the speaker, anywhere. */
export type SpeakerStatement = {
  id: string;
  kind: AnnotationKind;
  label: string;
  quote: string;
  verdict: Verdict | null;
  status: AnnotationStatus;
  createdAt: string;
  article: { id: string; title: string; status: ArticleStatus };
};

/** GET /api/v1/speakers/:id: the record, its tallies and a page of what they said. */
export type SpeakerDetail = {
  speaker: {
    id: string;
    name: string;
    role: string | null;
    affiliation: string | null;
    description: string | null;
    aliases: { id: string; name: string }[];
  };
  claims: number;
  denials: number;
  verdicts: VerdictCounts;
  /** Claims and denials per month of their creation ("2026-11"), oldest first, months without any left out. */
  months: { month: string; verdicts: VerdictCounts }[];
  verdict: Verdict | null;
  items: SpeakerStatement[];
  total: number;
  page: number;
  pageSize: number;
};
