import { describe, expect, it } from "vitest";
import { matching, pageOf, searchText } from "./index-list";

const claim = {
  id: "c",
  kind: "CLAIM" as const,
  quote: "Inflation rose to 3.5%",
  speaker: "Jane Doe",
  verdict: "MOSTLY_FALSE" as const,
  status: "APPROVED" as const,
};
const analysis = {
  id: "a",
  kind: "ANALYSIS" as const,
  quote: "Prices fell",
  speaker: null,
  verdict: null,
  status: "DRAFT" as const,
};

describe("the list's search", () => {
  const entries = [
    { id: "c", text: searchText(claim, "C12") },
    { id: "a", text: searchText(analysis, "A1") },
  ];
  const ids = (query: string) => matching(entries, query, (entry) => entry.text).map((entry) => entry.id);

  it("builds no search text while there is no query (opening the list costs nothing per annotation)", () => {
    let built = 0;
    const textOf = (entry: { text: string }) => {
      built++;
      return entry.text;
    };
    expect(matching(entries, "  ", textOf)).toBe(entries);
    expect(built).toBe(0);
    matching(entries, "c12", textOf);
    expect(built).toBe(entries.length);
  });

  it("finds by label, kind, quote, speaker, verdict and status, ignoring case", () => {
    expect(ids("c12")).toEqual(["c"]);
    expect(ids("analysis")).toEqual(["a"]);
    expect(ids("INFLATION")).toEqual(["c"]);
    expect(ids("jane")).toEqual(["c"]);
    expect(ids("mostly false")).toEqual(["c"]);
    expect(ids("draft")).toEqual(["a"]);
  });

  it("needs every word, in any order, and keeps everything for an empty query", () => {
    expect(ids("doe approved")).toEqual(["c"]);
    expect(ids("doe draft")).toEqual([]);
    expect(ids("  ")).toEqual(["c", "a"]);
  });
});

describe("pageOf", () => {
  const items = Array.from({ length: 120 }, (_, index) => index);

  it("cuts pages of the given size and says which items they hold", () => {
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50 });
    expect(pageOf(items, 3)).toMatchObject({ page: 3, pages: 3, first: 101, last: 120 });
    expect(pageOf(items, 3).items).toHaveLength(20);
  });

  it("clamps a page past the end (fewer matches, a deletion) and an empty list", () => {
    expect(pageOf(items.slice(0, 10), 4)).toMatchObject({ page: 1, pages: 1, first: 1, last: 10 });
    expect(pageOf([], 2)).toMatchObject({ items: [], page: 1, pages: 1, first: 0, last: 0 });
    expect(pageOf(items, 0).page).toBe(1);
  });
});
