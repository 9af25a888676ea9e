import { KIND_LABELS, VERDICT_SCALE } from "../domain/annotation";
import { STATUS_LABELS } from "./html-notes";
import { numberAnnotations } from "./model";
import type { ExportSnapshot } from "./snapshot";

export const CSV_HEADER = [
  "id",
  "label",
  "kind",
  "kind_label",
  "quote",
  "speaker",
  "verdict",
  "verdict_label",
  "not_rated_reason",
  "rationale",
  "note",
  "public_note",
  "denies",
  "status",
  "status_label",
  "sources",
  "author",
  "reviewer",
  "created",
  "modified",
  "revision",
  "anchor_status",
  "anchor_score",
  "previous_quote",
] as const;

/** Byte order mark: without it Excel reads a CSV file as the local ANSI code page. */
const BOM = "\uFEFF";
/** Between source URLs in one cell. A URL cannot contain a raw line break, so a newline is unambiguous. */
export const SOURCES_SEPARATOR = "\n";

/**
 * One row per annotation in reading order (the HTML note numbers), RFC 4180
 * (CRLF, quoted fields with doubled quotes), UTF-8 with a BOM, every cell
 * guarded against formula injection. Codes (CLAIM, MOSTLY_FALSE, APPROVED)
 * for filters and scripts, each with its human label beside it (kind_label,
 * verdict_label, status_label) for people. A team export: the internal note
 * stays in it (never in a reader-facing export), beside the remark for readers;
 * `denies` is the denied claim's label (C1). `revision` is the number of the
 * revision the quote comes from (an orphan's own, older one), `anchor_status`
 * and `anchor_score` what re-anchoring made of it, `previous_quote` the words a
 * CHANGED annotation stood on before. Orphans are rows too (status ORPHANED).
 */
export function exportCsv(snapshot: ExportSnapshot): string {
  const rows: string[] = [CSV_HEADER.join(",")];
  const { article } = snapshot;
  const labels = new Map(article.annotations.map((annotation) => [annotation.id, annotation.label]));
  const numbers = new Map(article.history.map((revision) => [revision.id, String(revision.number)]));
  numbers.set(article.revision.id, String(article.revision.number));
  for (const { annotation: a } of numberAnnotations(article)) {
    rows.push(
      [
        a.id,
        a.label,
        a.kind,
        KIND_LABELS[a.kind],
        a.quote,
        a.speaker,
        a.verdict,
        a.verdict && VERDICT_SCALE[a.verdict].label,
        a.notRatedReason,
        a.rationale,
        a.note,
        a.publicNote,
        a.deniesId && labels.get(a.deniesId),
        a.status,
        STATUS_LABELS[a.status],
        a.sources.map((source) => source.url).join(SOURCES_SEPARATOR),
        a.createdBy.name,
        a.lastReview?.reviewer.name,
        a.createdAt,
        a.updatedAt,
        numbers.get(a.revisionId),
        a.anchor.status,
        scoreCell(a.anchor.score),
        a.previousQuote,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${BOM}${rows.join("\r\n")}\r\n`;
}

/** A score as a plain decimal with at most three places ("1", "0.875"): enough to sort and filter by. */
const scoreCell = (score: number) => (Number.isFinite(score) ? String(Math.round(score * 1000) / 1000) : "");

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * OWASP CSV injection: a cell starting with = + - @ TAB or CR is read as a
 * formula by spreadsheets, so it gets a leading apostrophe (shown as text).
 * Then RFC 4180 quoting.
 */
export function csvCell(value: string | null | undefined): string {
  let cell = value ?? "";
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
