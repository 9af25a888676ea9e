import type { PageMetadata } from "./types";

/**
 * Whether extracted metadata matches what a reader wrote down (the corpus's
 * expected.json), field by field, as the issue measures it: the headline
 * exactly after whitespace normalization, the byline as a set of names
 * (case-insensitive, order free), the publication date on the same calendar
 * day (as the page gives it, so its own offset); and the publisher exactly,
 * beside them. A field neither side has is
 * not counted; one side only is a miss (a spurious byline counts against).
 */
export type MetadataField = "title" | "author" | "publishedAt" | "publisher";
export const METADATA_FIELDS: readonly MetadataField[] = ["title", "author", "publishedAt", "publisher"];

export function fieldMatches(field: MetadataField, got: PageMetadata, want: PageMetadata): boolean | undefined {
  const a = got[field];
  const b = want[field];
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) return false;
  if (field === "title" || field === "publisher") return spaces(a) === spaces(b);
  if (field === "author") return sameSet(names(a), names(b));
  return a.slice(0, 10) === b.slice(0, 10);
}

const spaces = (text: string) => text.replace(/\s+/g, " ").trim();

function names(text: string): string[] {
  return text
    .split(",")
    .map((name) => spaces(name).toLowerCase())
    .filter(Boolean);
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}
