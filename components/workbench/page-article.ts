import { quoteAt } from "@/lib/anchoring/selector";
import { annotationLabel } from "@/lib/domain/annotation-label";
import type { AnnotationSummary, ArticleSummaryView } from "@/lib/views/article-view";

/**
 * The article as the workbench page sends it to the browser: each annotation
 * as its summary (its details are read when it is opened: decision 028), in
 * columns, without what the article gives back exactly (its quote and context
 * are slices of the text, its label is its kind and number, its ids the
 * article's). At 2,000 annotations the page's data is mostly these: as objects
 * they came to 55 KB gzip, as columns (the same values side by side, starts as
 * steps from the one before, repeated values as indexes into a table) 32 KB,
 * of which the ids alone were 18 (14 front-coded). The API's views are unchanged.
 * Pure, for the server page (pack) and the client workbench (unpack).
 */

/** A column of repeated values: each distinct value once, and per annotation its index. */
type Table<T> = { values: T[]; at: number[] };

export type PackedAnnotations = {
  /** The ids front-coded (see frontCode), or as they are when one holds the separator. */
  id: string | string[];
  kind: Table<AnnotationSummary["kind"]>;
  number: number[];
  /** Each start as the step from the one before (reading order makes them small); each end as the length. */
  startStep: number[];
  length: number[];
  status: Table<AnnotationSummary["status"]>;
  verdict: Table<AnnotationSummary["verdict"]>;
  speaker: Table<AnnotationSummary["speaker"]>;
  version: number[];
  createdBy: Table<AnnotationSummary["createdBy"]>;
  anchor: Table<AnnotationSummary["anchor"]>;
  /** By position: whatever else an annotation has that is not its default or derived (editors, a denied claim, another revision's quote). */
  extra: Record<number, Partial<AnnotationSummary>>;
};
export type PackedArticle = Omit<ArticleSummaryView, "annotations"> & { annotations: PackedAnnotations };

/** Quote, prefix and suffix for a span of the text, as stored at creation; null for a span the text cannot hold. */
function anchorOf(text: string, start: number, end: number) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length
    ? quoteAt(text, start, end)
    : null;
}

function tabled<T>(items: readonly T[], key: (item: T) => string = (item) => JSON.stringify(item)): Table<T> {
  const index = new Map<string, number>();
  const values: T[] = [];
  const at = items.map((item) => {
    const k = key(item);
    let i = index.get(k);
    if (i === undefined) {
      i = values.push(item) - 1;
      index.set(k, i);
    }
    return i;
  });
  return { values, at };
}

/** Between front-coded ids; cuids and the ids this app writes never hold one. */
const ID_SEPARATOR = " ";
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Ids as one string, each as the length of the prefix it shares with the one before (one base-36 digit, at most
 * 35) and the rest: ids made on one desk share their timestamp's and machine's characters, and this leaves gzip
 * mostly their random part (at 2,000 annotations 18 KB gzip as a JSON list, 14 KB so).
 */
export function frontCode(ids: readonly string[]): string | string[] {
  if (ids.some((id) => id.includes(ID_SEPARATOR))) return [...ids];
  let before = "";
  const coded = ids.map((id) => {
    let shared = 0;
    const most = Math.min(id.length, before.length, DIGITS.length - 1);
    while (shared < most && id[shared] === before[shared]) shared++;
    before = id;
    return DIGITS[shared] + id.slice(shared);
  });
  return coded.join(ID_SEPARATOR);
}

export function frontDecode(packed: string | string[]): string[] {
  if (Array.isArray(packed)) return packed;
  if (packed === "") return [];
  let before = "";
  return packed.split(ID_SEPARATOR).map((entry) => {
    before = before.slice(0, DIGITS.indexOf(entry[0])) + entry.slice(1);
    return before;
  });
}

/** The fields the columns carry, and those whose absence means their default. */
const COLUMNS = [
  "id",
  "kind",
  "number",
  "start",
  "end",
  "status",
  "verdict",
  "speaker",
  "version",
  "createdBy",
  "anchor",
] as const;
const DEFAULTS = { previousQuote: null, notRatedReason: null, deniesId: null } as const;

export function packArticle(article: ArticleSummaryView): PackedArticle {
  const { text, id: revisionId } = article.revision;
  const list = article.annotations;
  const extra: Record<number, Partial<AnnotationSummary>> = {};
  list.forEach((view, i) => {
    // One pass over the summary's own fields, copying only what does not derive: no copy-then-delete, which at
    // 2,000 annotations made the packing a tenth of the page's server time (issue #14).
    const anchor = anchorOf(text, view.start, view.end);
    const derived: Partial<Record<keyof AnnotationSummary, unknown>> = {
      articleId: article.id,
      revisionId,
      label: annotationLabel(view.kind, view.number),
      quote: anchor?.quote,
      prefix: anchor?.prefix,
      suffix: anchor?.suffix,
      ...DEFAULTS,
    };
    let rest: Partial<AnnotationSummary> | undefined;
    for (const field of Object.keys(view) as (keyof AnnotationSummary)[]) {
      if ((COLUMNS as readonly string[]).includes(field)) continue;
      const value = view[field];
      // Only what derives exactly is left out: anything else travels as it is, so unpacking gives back the same summary.
      if (field in derived ? value === derived[field] : field === "editorIds" && view.editorIds.length === 0) continue;
      (rest ??= {})[field] = value as never;
    }
    if (rest) extra[i] = rest;
  });
  const annotations: PackedAnnotations = {
    id: frontCode(list.map((view) => view.id)),
    kind: tabled(list.map((view) => view.kind)),
    number: list.map((view) => view.number),
    startStep: list.map((view, i) => view.start - (i > 0 ? list[i - 1].start : 0)),
    length: list.map((view) => view.end - view.start),
    status: tabled(list.map((view) => view.status)),
    verdict: tabled(list.map((view) => view.verdict)),
    speaker: tabled(list.map((view) => view.speaker)),
    version: list.map((view) => view.version),
    createdBy: tabled(
      list.map((view) => view.createdBy),
      (person) => `${person.id}\u0000${person.name}`,
    ),
    anchor: tabled(list.map((view) => view.anchor)),
    extra,
  };
  return { ...article, annotations };
}

export function unpackArticle(packed: PackedArticle): ArticleSummaryView {
  const { text, id: revisionId } = packed.revision;
  const columns = packed.annotations;
  let start = 0;
  const annotations = frontDecode(columns.id).map((id, i): AnnotationSummary => {
    start += columns.startStep[i];
    const end = start + columns.length[i];
    const kind = columns.kind.values[columns.kind.at[i]];
    const number = columns.number[i];
    const extra = columns.extra[i] ?? {};
    const needsAnchor = extra.quote === undefined || extra.prefix === undefined || extra.suffix === undefined;
    const anchor = needsAnchor ? anchorOf(text, start, end) : null;
    return {
      id,
      articleId: packed.id,
      revisionId,
      anchor: { ...columns.anchor.values[columns.anchor.at[i]] },
      kind,
      number,
      label: annotationLabel(kind, number),
      start,
      end,
      quote: anchor?.quote ?? "",
      prefix: anchor?.prefix ?? "",
      suffix: anchor?.suffix ?? "",
      speaker: columns.speaker.values[columns.speaker.at[i]],
      verdict: columns.verdict.values[columns.verdict.at[i]],
      status: columns.status.values[columns.status.at[i]],
      version: columns.version[i],
      createdBy: { ...columns.createdBy.values[columns.createdBy.at[i]] },
      editorIds: [],
      ...DEFAULTS,
      ...extra,
    };
  });
  return { ...packed, annotations };
}
