import { describe, expect, it } from "vitest";
import { segment, type Span } from "./segments";

const text = "The minister said prices fell. Critics disagree.";

/** Every span's segments, concatenated, must equal its own text: the invariant exports rely on. */
function expectReassembles(spans: Span[], from: number, to: number) {
  const segments = segment(spans, from, to);
  expect(segments[0]?.start ?? to).toBe(from);
  expect(segments.at(-1)?.end ?? from).toBe(to);
  for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
  for (const span of spans) {
    const clipped = text.slice(Math.max(from, span.start), Math.min(to, span.end));
    const joined = segments
      .filter((s) => s.ids.includes(span.id))
      .map((s) => text.slice(s.start, s.end))
      .join("");
    if (span.end > from && span.start < to) expect(joined).toBe(clipped);
  }
  return segments;
}

describe("segment", () => {
  it("leaves unannotated text as one segment with no ids", () => {
    expect(segment([], 0, text.length)).toEqual([{ start: 0, end: text.length, ids: [] }]);
  });

  it("splits around a single span", () => {
    expect(segment([{ id: "a", start: 4, end: 12 }], 0, 20)).toEqual([
      { start: 0, end: 4, ids: [] },
      { start: 4, end: 12, ids: ["a"] },
      { start: 12, end: 20, ids: [] },
    ]);
  });

  it("nests two claims inside an analysis, outermost id first", () => {
    const spans = [
      { id: "claim1", start: 4, end: 12 },
      { id: "analysis", start: 0, end: text.length },
      { id: "claim2", start: 31, end: 38 },
    ];
    const segments = expectReassembles(spans, 0, text.length);
    expect(segments.map((s) => s.ids)).toEqual([
      ["analysis"],
      ["analysis", "claim1"],
      ["analysis"],
      ["analysis", "claim2"],
      ["analysis"],
    ]);
  });

  it("handles partial overlaps and identical spans", () => {
    const spans = [
      { id: "a", start: 0, end: 10 },
      { id: "b", start: 5, end: 15 },
      { id: "c", start: 5, end: 15 },
    ];
    expect(expectReassembles(spans, 0, 20).map((s) => [s.start, s.end, s.ids])).toEqual([
      [0, 5, ["a"]],
      [5, 10, ["a", "b", "c"]],
      [10, 15, ["b", "c"]],
      [15, 20, []],
    ]);
  });

  it("clips spans to the range (a block) and ignores empty or outside spans", () => {
    const spans = [
      { id: "across", start: 2, end: 25 },
      { id: "outside", start: 30, end: 40 },
      { id: "empty", start: 12, end: 12 },
    ];
    expect(expectReassembles(spans, 10, 20)).toEqual([{ start: 10, end: 20, ids: ["across"] }]);
  });

  it("keeps one segment where the covering spans do not change, e.g. one id on two touching spans", () => {
    const spans = [
      { id: "a", start: 0, end: 5 },
      { id: "a", start: 5, end: 10 },
      { id: "b", start: 5, end: 5 },
    ];
    expect(segment(spans, 0, 12)).toEqual([
      { start: 0, end: 10, ids: ["a"] },
      { start: 10, end: 12, ids: [] },
    ]);
  });

  it("reassembles every span for many random overlapping spans", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 1 + random(12) }, (_, i) => {
        const start = random(text.length - 1);
        return { id: `s${i}`, start, end: start + 1 + random(text.length - start) };
      });
      expectReassembles(spans, 0, text.length);
      expectReassembles(spans, 10, 30);
    }
  });
});
