import { KIND_LABELS, VERDICT_SCALE, type AnnotationStatus } from "../domain/annotation";
import type { AnnotationView, RevisionSummary, SourceView } from "../views/article-view";
import { escapeAttr, escapeHtml } from "./escape";
import { isHttpUrl, isoDay, type NumberedAnnotation } from "./model";

export const STATUS_LABELS: Record<AnnotationStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
  ORPHANED: "Orphaned",
};

/** `<time>` for an ISO date, or the raw text when it is not one. */
export function timeHtml(value: string): string {
  const day = isoDay(value);
  return day ? `<time datetime="${day}">${day}</time>` : escapeHtml(value);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * `<time>` for an ISO date-time as readers write it, in UTC: "30 November 2026 14:02 UTC"
 * (by hand rather than Intl, so the file is the same on every machine); the raw text when
 * it is not a date.
 */
export function dateTimeHtml(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return escapeHtml(value);
  const at = new Date(time);
  const two = (n: number) => String(n).padStart(2, "0");
  const words = `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())} UTC`;
  return `<time datetime="${at.toISOString()}">${words}</time>`;
}

/** A link only for http(s) URLs; anything else is shown as inert text. */
export function linkHtml(url: string, label: string | null): string {
  if (isHttpUrl(url)) return anchorHtml(url, label || url);
  return label
    ? `${escapeHtml(label)} (<span class="muted">${escapeHtml(url)}</span>)`
    : `<span class="muted">${escapeHtml(url)}</span>`;
}

/** The archive copy: "archive" as a link, or the address itself when it cannot be one. */
const archiveHtml = (url: string) =>
  isHttpUrl(url) ? anchorHtml(url, "archive") : `<span class="muted">${escapeHtml(url)}</span>`;

/** The <a> for a URL already checked with isHttpUrl. */
const anchorHtml = (url: string, label: string) =>
  `<a class="url" href="${escapeAttr(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;

/** What a note says about the revisions: the article's current one and the one each annotation was made on. */
export type RevisionContext = {
  current: number;
  /** The revision an annotation's words come from (null when the history does not know it). */
  of: (annotation: AnnotationView) => RevisionSummary | null;
};

/**
 * The notes: one <li id="note-N"> per annotation placed in the text, in reading
 * order, back-linked to its [N]. Those that could not be placed (orphans) go to
 * renderAppendix instead, never into the text.
 */
export function renderNotes(out: string[], numbered: readonly NumberedAnnotation[], revisions: RevisionContext): void {
  const byId = denialTargets(numbered);
  const placed = numbered.filter((entry) => entry.anchored);
  out.push('<section id="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2>');
  if (placed.length === 0) out.push('<p class="muted">No annotation is placed in this revision of the article.</p>');
  else renderNoteList(out, placed, byId, revisions);
  out.push("</section>");
  const unplaced = numbered.filter((entry) => !entry.anchored);
  if (unplaced.length === 0) return;
  out.push(
    '<section id="appendix" aria-labelledby="appendix-heading"><h2 id="appendix-heading">Annotations that could not be placed in this revision</h2>',
    `<p>The article changed after these were written: the words they were made on were removed or rewritten, so they are not marked in revision ${revisions.current} above. Each is shown with those words and the revision they come from.</p>`,
  );
  renderNoteList(out, unplaced, byId, revisions);
  out.push("</section>");
}

function renderNoteList(
  out: string[],
  entries: readonly NumberedAnnotation[],
  byId: Map<string, NumberedAnnotation>,
  revisions: RevisionContext,
): void {
  out.push('<ol class="notes">');
  // Each note is joined on its own: a few thousand live strings instead of tens of thousands keeps garbage collection linear.
  const note: string[] = [];
  for (const entry of entries) {
    renderNote(note, entry, byId, revisions);
    out.push(note.join(""));
    note.length = 0;
  }
  out.push("</ol>");
}

/** Annotations by id, for "Denies: claim [N]"; left empty when nothing denies anything. */
function denialTargets(numbered: readonly NumberedAnnotation[]): Map<string, NumberedAnnotation> {
  const byId = new Map<string, NumberedAnnotation>();
  if (!numbered.some(({ annotation }) => annotation.deniesId)) return byId;
  for (const entry of numbered) byId.set(entry.annotation.id, entry);
  return byId;
}

function renderNote(
  out: string[],
  { annotation: a, n, anchored }: NumberedAnnotation,
  byId: Map<string, NumberedAnnotation>,
  revisions: RevisionContext,
): void {
  const kindClass = a.kind === "CLAIM" ? "k-claim" : a.kind === "DENIAL" ? "k-denial" : "k-analysis";
  // The label (C3) is the one the team uses in the workbench, audit log and CSV; [n] is the reading-order reference in the text.
  out.push(
    `<li id="note-${n}"><p class="head"><span class="swatch ${kindClass}">[${n}] ${KIND_LABELS[a.kind]} ${escapeHtml(a.label)}</span>`,
  );
  if (a.speaker) out.push(` · Speaker: ${escapeHtml(a.speaker)}`);
  if (a.verdict) {
    const { label, rating } = VERDICT_SCALE[a.verdict];
    out.push(` · <span class="verdict">Verdict: ${label}${rating === null ? "" : ` (${rating}/5)`}</span>`);
  } else if (a.notRatedReason && a.kind !== "ANALYSIS") {
    // Deliberately left without a verdict, and why: what readers are told instead of one.
    out.push(` · <span class="verdict">Not rated: ${escapeHtml(a.notRatedReason)}</span>`);
  }
  if (anchored) out.push(` <a href="#ref-${n}" aria-label="Back to reference ${n} in the text">↩</a>`);
  out.push("</p>");
  if (!anchored) {
    const made = revisions.of(a);
    const on = made ? `revision ${made.number} (${dateTimeHtml(made.createdAt)})` : "an earlier revision";
    out.push(
      `<p class="orphan">Made on ${on}, on these words, which are not in revision ${revisions.current}:</p><blockquote>${escapeHtml(a.quote)}</blockquote>`,
    );
  } else if (a.anchor.status === "CHANGED" && a.previousQuote !== null) {
    // Placed on corrected words: readers see what the annotation was first written about.
    out.push(
      `<p class="changed">The article's words here changed in revision ${revisions.current}. They read:</p><blockquote>${escapeHtml(a.previousQuote)}</blockquote>`,
    );
  }
  if (a.rationale) out.push(`<p><strong>Rationale:</strong> ${escapeHtml(a.rationale)}</p>`);
  // The note is internal (for the team) and never printed here: this file is for readers. The remark for readers is.
  if (a.publicNote) out.push(`<p><strong>Remark for readers:</strong> ${escapeHtml(a.publicNote)}</p>`);
  if (a.deniesId) out.push(deniesHtml(a.deniesId, byId));
  if (a.sources.length > 0) {
    out.push('<p><strong>Sources:</strong></p><ol class="sources">');
    for (const source of a.sources) renderSource(out, source);
    out.push("</ol>");
  }
  out.push(`<p class="muted">${reviewHtml(a)}</p></li>`);
}

function deniesHtml(deniesId: string, byId: Map<string, NumberedAnnotation>): string {
  const claim = byId.get(deniesId);
  if (!claim) return "<p><strong>Denies:</strong> a claim that is not part of this export.</p>";
  return `<p><strong>Denies:</strong> <a href="#note-${claim.n}">claim ${escapeHtml(claim.annotation.label)} [${claim.n}]</a></p>`;
}

function renderSource(out: string[], source: SourceView): void {
  out.push("<li>", linkHtml(source.url, source.title));
  if (source.publisher) out.push(", ", escapeHtml(source.publisher));
  out.push(".");
  if (source.quote) out.push("<blockquote>", escapeHtml(source.quote), "</blockquote>");
  if (source.accessedAt) out.push(" Accessed ", timeHtml(source.accessedAt), ".");
  if (source.archiveUrl) out.push(" Archived copy: ", archiveHtml(source.archiveUrl), ".");
  out.push("</li>");
}

function reviewHtml(a: AnnotationView): string {
  const status = `Status: ${STATUS_LABELS[a.status]}.`;
  const review = a.lastReview;
  let approvedBy = "";
  if (review?.decision === "APPROVED") {
    const by = `${escapeHtml(review.reviewer.name)} on ${timeHtml(review.at)}`;
    // An approval covers what was approved: after a change of substance or of the article's words it no longer does.
    approvedBy =
      a.status === "APPROVED"
        ? ` Approved by ${by}.`
        : ` An earlier version was approved by ${by}; this one is not approved yet.`;
  }
  return `${status}${approvedBy} Annotated by ${escapeHtml(a.createdBy.name)}.`;
}
