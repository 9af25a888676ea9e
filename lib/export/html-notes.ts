import { KIND_LABELS, VERDICT_SCALE, type AnnotationStatus } from "../domain/annotation";
import type { AnnotationView, SourceView } from "../views/article-view";
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

/** The notes: one <li id="note-N"> per annotation in reading order, back-linked to its [N]. */
export function renderNotes(out: string[], numbered: readonly NumberedAnnotation[]): void {
  const byId = denialTargets(numbered);
  out.push('<section id="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2>');
  if (numbered.length === 0) out.push('<p class="muted">This article has no annotations.</p>');
  else out.push('<ol class="notes">');
  // Each note is joined on its own: a few thousand live strings instead of tens of thousands keeps garbage collection linear.
  const note: string[] = [];
  for (const entry of numbered) {
    renderNote(note, entry, byId);
    out.push(note.join(""));
    note.length = 0;
  }
  if (numbered.length > 0) out.push("</ol>");
  out.push("</section>");
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
  if (!anchored)
    out.push(
      `<p class="orphan">This passage is not in the current text:</p><blockquote>${escapeHtml(a.quote)}</blockquote>`,
    );
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
  const approvedBy =
    review?.decision === "APPROVED"
      ? ` Approved by ${escapeHtml(review.reviewer.name)} on ${timeHtml(review.at)}.`
      : "";
  return `${status}${approvedBy} Annotated by ${escapeHtml(a.createdBy.name)}.`;
}
