import { describe, expect, it } from "vitest";
import { chunks, CHUNK_SIZE, inChunks } from "./chunked";

describe("chunks", () => {
  it("slices in order, the last slice holding the rest", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it("gives no slice for no items, one for fewer than the size", () => {
    expect(chunks([], 3)).toEqual([]);
    expect(chunks(["a"], 3)).toEqual([["a"]]);
  });
  it("keeps the default under SQLite's 999 parameters with room to spare", () => {
    expect(CHUNK_SIZE).toBeLessThanOrEqual(500);
    const sizes = chunks(Array.from({ length: 10_001 }, (_, i) => i)).map((slice) => slice.length);
    expect(Math.max(...sizes)).toBe(CHUNK_SIZE);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_001);
  });
  it("refuses a size that would loop forever or slice nothing", () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => chunks([1], size)).toThrow(RangeError);
  });
});

describe("inChunks", () => {
  it("runs one query per slice, one at a time, and concatenates the answers in order", async () => {
    const seen: number[][] = [];
    let running = 0;
    let most = 0;
    const answer = await inChunks(
      [1, 2, 3, 4, 5],
      async (slice) => {
        running++;
        most = Math.max(most, running);
        seen.push(slice);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
        return slice.map((n) => n * 10);
      },
      2,
    );
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(answer).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(1);
  });
  it("asks nothing for no items", async () => {
    let calls = 0;
    expect(await inChunks([], async () => [++calls])).toEqual([]);
    expect(calls).toBe(0);
  });
});
