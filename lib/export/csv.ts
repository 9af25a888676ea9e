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
 * `denies` is the denied claim's label (C1).
 */
export function exportCsv(snapshot: ExportSnapshot): string {
  const rows: string[] = [CSV_HEADER.join(",")];
  const labels = new Map(snapshot.article.annotations.map((annotation) => [annotation.id, annotation.label]));
  for (const { annotation: a } of numberAnnotations(snapshot.article)) {
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
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${BOM}${rows.join("\r\n")}\r\n`;
}

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
