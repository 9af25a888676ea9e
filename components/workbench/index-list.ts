import {
  KIND_LABELS,
  VERDICT_SCALE,
  type AnnotationKind,
  type AnnotationStatus,
  type Verdict,
} from "@/lib/domain/annotation";
import { ANNOTATION_STATUS_LABELS } from "./status";

/** Where the list was left (search and page, and the unplaced annotations left out of the tray), kept by the workbench while an annotation is open. */
export type IndexView = { query: string; page: number; left?: string[] };

/** Annotations per page of the panel's list: its size stays the same however long the article is. */
export const PAGE_SIZE = 50;

type Listed = {
  id: string;
  kind: AnnotationKind;
  quote: string;
  speaker: string | null;
  verdict: Verdict | null;
  status: AnnotationStatus;
};

/** What a search in the list looks through: label, kind, quote, speaker, verdict and status, as shown. */
export function searchText(annotation: Listed, label: string): string {
  const verdict = annotation.verdict ? VERDICT_SCALE[annotation.verdict].label : "";
  return [
    label,
    KIND_LABELS[annotation.kind],
    annotation.quote,
    annotation.speaker ?? "",
    verdict,
    ANNOTATION_STATUS_LABELS[annotation.status],
  ]
    .join("\n")
    .toLowerCase();
}

/**
 * The entries whose text has every word of the query (in any order); all of them for an empty query. The text is
 * asked for only when there is a query: opening the list (Esc) builds none of it, however long the article.
 */
export function matching<T>(entries: readonly T[], query: string, textOf: (entry: T) => string): readonly T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const text = textOf(entry);
    return words.every((word) => text.includes(word));
  });
}

/** One page of a list, the page clamped to those there are (a search or a deletion can leave fewer). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = PAGE_SIZE,
): { items: readonly T[]; page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const first = (current - 1) * size;
  const shown = items.slice(first, first + size);
  return { items: shown, page: current, pages, first: shown.length ? first + 1 : 0, last: first + shown.length };
}
