import type { Block } from "../domain/article";
import type { AnchorStatus, AnnotationKind, AnnotationStatus, ArticleStatus, Verdict } from "../domain/annotation";
import { annotationLabel } from "../domain/annotation-label";

/** What the API and the UI get: plain JSON, dates as ISO strings, no internals. */
export type SourceView = {
  id: string;
  position: number;
  url: string;
  title: string | null;
  publisher: string | null;
  quote: string | null;
  accessedAt: string | null;
  archiveUrl: string | null;
};

export type AnnotationView = {
  id: string;
  articleId: string;
  /** The revision start/end/quote refer to: the article's current one unless anchor.status is ORPHANED. */
  revisionId: string;
  /** What re-anchoring across the article's revisions made of it; score 0–1, 1 for an exact mapping. */
  anchor: { status: AnchorStatus; score: number };
  /** For a CHANGED anchor: the words it stood on before the revision changed them. */
  previousQuote: string | null;
  kind: AnnotationKind;
  /** Given at creation, per article and kind, never reused (a kind change takes the new kind's next number). */
  number: number;
  /** "C3", "D1", "A2": the same name in the workbench, exports, audit log and comments. */
  label: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  speaker: string | null;
  /** Internal: for the team, never in a reader-facing export (HTML, ClaimReview). */
  note: string;
  /** The remark for readers, printed beside the verdict in the HTML export. */
  publicNote: string | null;
  verdict: Verdict | null;
  /** Why a claim or denial is deliberately left without a verdict; never together with one. */
  notRatedReason: string | null;
  rationale: string | null;
  deniesId: string | null;
  status: AnnotationStatus;
  version: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  sources: SourceView[];
  /** The latest review decision, so a "changes requested" note reaches the author. */
  lastReview: ReviewView | null;
  /** Who changed its substance since an approval last covered it: with the author, barred from reviewing it (four-eyes rule). */
  editorIds: string[];
  /** The speaker record its speaker name is linked to (decision 031): the workbench links to the speaker's page. */
  speakerId?: string | null;
  /** The earlier claim or denial whose verdict, rationale and sources this one reused (decision 030). */
  basedOnId?: string | null;
  /**
   * When that earlier verdict changed after the reuse; cleared when this one's verdict is saved again. In the
   * page's summary too (absent there when not set): sign-off waits on it, and the workbench says so beforehand.
   */
  basedOnChangedAt?: string | null;
  /** Read with the details (GET /api/v1/annotations/:id): what it is based on, and what reused it. */
  basedOn?: LinkedAnnotationView | null;
  reusedBy?: LinkedAnnotationView[];
};

/** Another annotation named by a "based on" link, with its article. */
export type LinkedAnnotationView = {
  id: string;
  label: string;
  articleId: string;
  articleTitle: string;
  verdict: Verdict | null;
};

/**
 * What the workbench page leaves out of each annotation, read when one is opened (GET /api/v1/annotations/:id,
 * decision 028): the long free text and what only the open panel shows. Everything else (where it stands, its
 * kind, label, verdict, status, speaker, author and editors) is in the page's summary.
 */
export const DETAIL_FIELDS = [
  "note",
  "publicNote",
  "rationale",
  "sources",
  "lastReview",
  "createdAt",
  "updatedAt",
  "speakerId",
  "basedOnId",
  "basedOn",
  "reusedBy",
] as const;
export type AnnotationDetailField = (typeof DETAIL_FIELDS)[number];

/** An annotation as the workbench page carries it: what the text, the list, j/k, counts, checks and permissions need. */
export type AnnotationSummary = Omit<AnnotationView, AnnotationDetailField>;

/** The article as the workbench page carries it: every annotation as its summary. */
export type ArticleSummaryView = Omit<ArticleView, "annotations"> & { annotations: AnnotationSummary[] };

/** Whether an annotation held as a summary is in fact the whole AnnotationView (its details were read or arrived). */
export const isDetailed = (annotation: AnnotationSummary): annotation is AnnotationView => "sources" in annotation;

/** An AnnotationView without its details. */
export function toAnnotationSummary(view: AnnotationView): AnnotationSummary {
  const {
    note: _note,
    publicNote: _publicNote,
    rationale: _rationale,
    sources: _sources,
    lastReview: _lastReview,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    speakerId: _speakerId,
    basedOnId: _basedOnId,
    basedOn: _basedOn,
    reusedBy: _reusedBy,
    basedOnChangedAt,
    ...summary
  } = view;
  // As the page's summaries carry it: only when set (toSummaryFromRow).
  return basedOnChangedAt ? { ...summary, basedOnChangedAt } : summary;
}

export type RevisionView = {
  id: string;
  number: number;
  text: string;
  blocks: Block[];
  /** Why the article changed ("correction appended at 14:00"); null on the first revision. */
  note: string | null;
  createdAt: string;
};

/** A revision without its text: who added it, why, and what re-anchoring made of the annotations then. */
export type RevisionSummary = {
  id: string;
  number: number;
  note: string | null;
  createdAt: string;
  createdBy: { id: string; name: string };
  reanchoring: { anchored: number; changed: number; orphaned: number };
};

export type ReviewView = {
  decision: "APPROVED" | "CHANGES_REQUESTED";
  note: string | null;
  reviewer: { id: string; name: string };
  at: string;
};

export type ArticleView = {
  id: string;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  /** When the page said it was last changed, as found at import. */
  modifiedAt: string | null;
  /** The article's language (BCP 47, "en", "ar"): the workbench sets the text's lang and direction from it. */
  language: string | null;
  /** Where this fact-check is published, overriding FACTMARK_PUBLIC_URL + its id (lib/export/public-url.ts). */
  publicUrl: string | null;
  status: ArticleStatus;
  version: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  /** The current revision (always the newest: revisions are only ever added), so its number is also their count. */
  revision: RevisionView;
  /** Every revision, oldest first (the last is `revision`): the corrections log and the history. */
  history: RevisionSummary[];
  /** Every annotation, orphaned ones included (those are on an older revision: see AnnotationView.revisionId). */
  annotations: AnnotationView[];
  /** Who signed the article off, when it is signed off. */
  signOff: ReviewView | null;
};

/** The ids of an annotation's substance editors (AnnotationView.editorIds), first editor first. */
export const editorsInclude = { select: { userId: true }, orderBy: { createdAt: "asc" } } as const;

/** The Prisma include that loads what an AnnotationView needs. */
export const annotationInclude = {
  sources: { orderBy: { position: "asc" } },
  createdBy: { select: { id: true, name: true } },
  signOffs: { orderBy: { createdAt: "desc" }, take: 1, include: { reviewer: { select: { id: true, name: true } } } },
  editors: editorsInclude,
} as const;

type SignOffRow = {
  decision: "APPROVED" | "CHANGES_REQUESTED";
  note: string | null;
  createdAt: Date;
  reviewer: { id: string; name: string };
};

export function toReviewView(row: SignOffRow | undefined): ReviewView | null {
  return row
    ? { decision: row.decision, note: row.note, reviewer: row.reviewer, at: row.createdAt.toISOString() }
    : null;
}

type SourceRow = {
  id: string;
  position: number;
  url: string;
  title: string | null;
  publisher: string | null;
  quote: string | null;
  accessedAt: Date | null;
  archiveUrl: string | null;
};
type AnnotationRow = Omit<
  AnnotationView,
  "label" | "createdAt" | "updatedAt" | "sources" | "lastReview" | "editorIds" | "anchor" | "basedOnChangedAt"
> & {
  basedOnChangedAt?: Date | null;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  createdAt: Date;
  updatedAt: Date;
  sources: SourceRow[];
  signOffs: SignOffRow[];
  editors: { userId: string }[];
};

export function toSourceView(row: SourceRow): SourceView {
  return {
    id: row.id,
    position: row.position,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    quote: row.quote,
    accessedAt: row.accessedAt?.toISOString() ?? null,
    archiveUrl: row.archiveUrl,
  };
}

/** The columns of an Annotation row a summary is made of (its own, without relations). */
export type SummaryRow = Pick<
  AnnotationRow,
  | "id"
  | "articleId"
  | "revisionId"
  | "anchorStatus"
  | "anchorScore"
  | "previousQuote"
  | "kind"
  | "number"
  | "start"
  | "end"
  | "quote"
  | "prefix"
  | "suffix"
  | "speaker"
  | "verdict"
  | "notRatedReason"
  | "deniesId"
  | "status"
  | "version"
  | "basedOnChangedAt"
>;

/**
 * An annotation's summary from its row, its author and its editors' ids. Field by field, not by rest and spread:
 * one object shape for every row, a third of the time at 2,000 rows (the workbench page reads every summary).
 */
export function toSummaryFromRow(
  row: SummaryRow,
  createdBy: { id: string; name: string },
  editorIds: string[],
): AnnotationSummary {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    anchor: { status: row.anchorStatus, score: row.anchorScore },
    previousQuote: row.previousQuote,
    kind: row.kind,
    number: row.number,
    label: annotationLabel(row.kind, row.number),
    start: row.start,
    end: row.end,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    speaker: row.speaker,
    verdict: row.verdict,
    notRatedReason: row.notRatedReason,
    deniesId: row.deniesId,
    status: row.status,
    version: row.version,
    createdBy,
    editorIds,
    // Only when set: sign-off waits on it (decision 030), and the page carries thousands of summaries.
    ...(row.basedOnChangedAt ? { basedOnChangedAt: row.basedOnChangedAt.toISOString() } : {}),
  };
}

export function toAnnotationView(row: AnnotationRow): AnnotationView {
  return {
    ...toSummaryFromRow(
      row,
      { id: row.createdBy.id, name: row.createdBy.name },
      row.editors.map((editor) => editor.userId),
    ),
    note: row.note,
    publicNote: row.publicNote,
    rationale: row.rationale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sources: row.sources.map(toSourceView),
    lastReview: toReviewView(row.signOffs[0]),
    speakerId: row.speakerId ?? null,
    basedOnId: row.basedOnId ?? null,
    basedOnChangedAt: row.basedOnChangedAt?.toISOString() ?? null,
  };
}
