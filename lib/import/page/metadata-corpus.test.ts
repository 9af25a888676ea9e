import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadCorpus } from "./corpus";
import { fieldMatches, METADATA_FIELDS, type MetadataField } from "./metadata-match";
import { readMetadata } from "./metadata";
import { parsePage } from "./parse-page";

/**
 * The metadata measure over the corpus (tests/fixtures/pages/): for
 * every article page, does readMetadata give the headline, byline and
 * publication date a reader wrote down (metadata-match.ts)? Prints a table
 * and each field's share; fails when a share drops below its floor, the
 * figure when this work was finished. Pages are read as fetched from their
 * address (the canonical URL stands in for it).
 */
// publisher: real-v8-blog-cc-by has no address to read "V8" against (no canonical URL in the saved page).
const FLOORS: Record<MetadataField, number> = { title: 1, author: 1, publishedAt: 1, publisher: 0.96 };

const pages = loadCorpus().filter((page) => !page.expected.notArticle);
const rows: { name: string; cells: Record<MetadataField, boolean | undefined>; misses: string[] }[] = [];

describe("page metadata on the corpus", () => {
  beforeAll(() => {
    for (const page of pages) {
      const got = readMetadata(parsePage(page.html), { url: page.expected.canonicalUrl, now: new Date("2030-01-01") });
      const cells = {} as Record<MetadataField, boolean | undefined>;
      const misses: string[] = [];
      for (const field of METADATA_FIELDS) {
        cells[field] = fieldMatches(field, got, page.expected);
        if (cells[field] === false)
          misses.push(`${field}: ${JSON.stringify(got[field])} ≠ ${JSON.stringify(page.expected[field])}`);
      }
      rows.push({ name: page.name, cells, misses });
    }
  });

  it.each(METADATA_FIELDS)("matches %s on at least its floor's share of pages", (field) => {
    const counted = rows.filter((row) => row.cells[field] !== undefined);
    const share = counted.filter((row) => row.cells[field]).length / Math.max(1, counted.length);
    expect(counted.length).toBeGreaterThan(0);
    expect(share).toBeGreaterThanOrEqual(FLOORS[field]);
  });
});

afterAll(() => {
  const mark = (cell: boolean | undefined) => (cell === undefined ? "·" : cell ? "✓" : "✗");
  const width = Math.max(...rows.map((row) => row.name.length));
  const lines = rows
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (row) =>
        `${row.name.padEnd(width)}  ${METADATA_FIELDS.map((field) => mark(row.cells[field]).padEnd(field.length)).join("  ")}  ${row.misses.join("; ")}`,
    );
  const shares = METADATA_FIELDS.map((field) => {
    const counted = rows.filter((row) => row.cells[field] !== undefined);
    const matched = counted.filter((row) => row.cells[field]).length;
    return `${field} ${matched}/${counted.length} (${((100 * matched) / Math.max(1, counted.length)).toFixed(0)} %)`;
  });
  console.log(
    [`${"page".padEnd(width)}  ${METADATA_FIELDS.join("  ")}`, ...lines, `matched: ${shares.join(", ")}`].join("\n"),
  );
});
