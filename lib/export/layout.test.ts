import { describe, expect, it } from "vitest";
import { bucketSpans, layOutBlocks } from "./layout";

describe("layOutBlocks", () => {
  const text = "Title\n\nFirst para.\n\n  \n\nSecond.\n";

  it("tiles the whole text: each block keeps the whitespace up to the next one", () => {
    const blocks = layOutBlocks(text, [
      { type: "heading", start: 0, end: 5, level: 1 },
      { type: "paragraph", start: 7, end: 18 },
      { type: "paragraph", start: 24, end: 31 },
    ]);
    expect(blocks.map((b) => [b.renderStart, b.start, b.end, b.renderEnd])).toEqual([
      [0, 0, 5, 7],
      [7, 7, 18, 24],
      [24, 24, 31, 32],
    ]);
  });

  it("sorts blocks, clips overlaps and out-of-range offsets, and defaults heading levels", () => {
    const blocks = layOutBlocks("abcdef", [
      { type: "paragraph", start: 3, end: 99 },
      { type: "heading", start: -4, end: 4 },
    ]);
    expect(blocks.map((b) => [b.type, b.level, b.start, b.end])).toEqual([
      ["heading", 1, 0, 4],
      ["paragraph", 1, 4, 6],
    ]);
  });

  it("turns text that no block covers into a paragraph instead of hiding it", () => {
    const blocks = layOutBlocks("  lost words \n\nKept.", [{ type: "paragraph", start: 15, end: 20 }]);
    expect(blocks.map((b) => [b.renderStart, b.start, b.end, b.renderEnd])).toEqual([
      [0, 2, 12, 15],
      [15, 15, 20, 20],
    ]);
  });

  it("makes one paragraph of a text without blocks, and an empty one of an empty text", () => {
    expect(layOutBlocks("Just text.", []).map((b) => [b.start, b.end])).toEqual([[0, 10]]);
    expect(layOutBlocks("", []).map((b) => [b.renderStart, b.renderEnd])).toEqual([[0, 0]]);
    expect(layOutBlocks(" \n ", []).map((b) => [b.renderStart, b.start, b.end, b.renderEnd])).toEqual([[0, 0, 0, 3]]);
  });
});

describe("bucketSpans", () => {
  const blocks = layOutBlocks("aaaa\n\nbbbb\n\ncccc", [
    { type: "paragraph", start: 0, end: 4 },
    { type: "paragraph", start: 6, end: 10 },
    { type: "paragraph", start: 12, end: 16 },
  ]);

  it("gives each block the spans touching its rendered range, long spans to every block they cross", () => {
    const spans = [
      { id: "long", start: 2, end: 14 },
      { id: "first", start: 0, end: 2 },
      { id: "gap", start: 4, end: 6 },
      { id: "last", start: 13, end: 16 },
    ];
    expect(bucketSpans(blocks, spans).map((bucket) => bucket.map((s) => s.id).sort())).toEqual([
      ["first", "gap", "long"],
      ["long"],
      ["last", "long"],
    ]);
  });

  it("never changes a bucket after handing it out", () => {
    const buckets = bucketSpans(blocks, [{ id: "x", start: 13, end: 14 }]);
    expect(buckets.map((bucket) => bucket.length)).toEqual([0, 0, 1]);
  });
});
