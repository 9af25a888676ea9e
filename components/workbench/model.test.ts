import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/domain/article";
import {
  excerpt,
  kindCounts,
  labelsFor,
  layoutArticle,
  neighbour,
  percentages,
  verdictBreakdown,
  type BlockGroup,
  type Placed,
} from "./model";

const text = "First claim here. And more.\n\nSecond block.\n\nItem one\nItem two";
const blocks: Block[] = [
  { type: "paragraph", start: 0, end: 27 },
  { type: "heading", start: 29, end: 42, level: 2 },
  { type: "list-item", start: 44, end: 52 },
  { type: "list-item", start: 53, end: 61 },
];
const claim: Placed = { id: "c", kind: "CLAIM", start: 0, end: 17 };
const analysis: Placed = { id: "a", kind: "ANALYSIS", start: 6, end: 42 };
const denial: Placed = { id: "d", kind: "DENIAL", start: 44, end: 48 };

const segmentsOf = (groups: BlockGroup[]) =>
  groups.flatMap((group) => (group.type === "list" ? group.items : [group])).flatMap((block) => block.segments);

describe("layoutArticle", () => {
  const groups = layoutArticle(text, blocks, [claim, analysis, denial]);

  it("renders every character of every block exactly once, in order", () => {
    const rendered = segmentsOf(groups).map((piece) => text.slice(piece.start, piece.end));
    expect(rendered.join("|")).toBe("First |claim here.| And more.|Second block.|Item| one|Item two");
  });

  it("groups consecutive list items into one list", () => {
    expect(groups.map((group) => group.type)).toEqual(["paragraph", "heading", "list"]);
    expect(groups[2].type === "list" && groups[2].items).toHaveLength(2);
  });

  it("lists covering annotations outermost first, with their kinds", () => {
    const overlap = segmentsOf(groups)[1];
    expect(overlap.ids).toEqual(["a", "c"]);
    expect(overlap.kinds).toEqual(["ANALYSIS", "CLAIM"]);
  });

  it("marks where each annotation's rendered text opens and closes, across blocks", () => {
    const pieces = segmentsOf(groups);
    expect(pieces[0].opens).toEqual(["c"]);
    expect(pieces[1].opens).toEqual(["a"]);
    expect(pieces[1].closes).toEqual(["c"]);
    expect(pieces[3].closes).toEqual(["a"]);
    expect(pieces[4].opens).toEqual(["d"]);
    expect(pieces[4].closes).toEqual(["d"]);
  });

  it("the pieces carrying an id concatenate to that annotation's text within blocks", () => {
    const claimText = segmentsOf(groups)
      .filter((piece) => piece.ids.includes("c"))
      .map((piece) => text.slice(piece.start, piece.end))
      .join("");
    expect(claimText).toBe(text.slice(claim.start, claim.end));
  });

  it("clamps blocks to the text", () => {
    expect(segmentsOf(layoutArticle("abc", [{ type: "paragraph", start: 1, end: 99 }], []))).toEqual([
      { start: 1, end: 3, ids: [], kinds: [], opens: [], closes: [] },
    ]);
  });
});

describe("labels and navigation", () => {
  it("takes each annotation's fixed label, whatever its place in the text (a claim tagged earlier in the text does not renumber C1)", () => {
    const labels = labelsFor([
      { id: "c1", label: "C1" },
      { id: "c2", label: "C2" },
      { id: "d", label: "D1" },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ c1: "C1", c2: "C2", d: "D1" });
  });

  it("moves to the next and previous annotation by start, wrapping", () => {
    const all = [denial, analysis, claim];
    expect(neighbour(all, null, 1)).toBe("c");
    expect(neighbour(all, null, -1)).toBe("d");
    expect(neighbour(all, "c", 1)).toBe("a");
    expect(neighbour(all, "a", 1)).toBe("d");
    expect(neighbour(all, "d", 1)).toBe("c");
    expect(neighbour(all, "c", -1)).toBe("d");
    expect(neighbour([], null, 1)).toBeNull();
  });

  it("puts the enclosing annotation first when two start together", () => {
    const inner: Placed = { id: "x", kind: "CLAIM", start: 0, end: 5 };
    const outer: Placed = { id: "y", kind: "ANALYSIS", start: 0, end: 20 };
    expect(neighbour([inner, outer], null, 1)).toBe("y");
  });
});

describe("summary", () => {
  it("counts kinds", () => {
    expect(kindCounts([claim, analysis, denial, claim])).toEqual({ CLAIM: 2, DENIAL: 1, ANALYSIS: 1 });
  });

  it("breaks down verdicts of claims and denials in scale order, unrated last", () => {
    const rows = verdictBreakdown([
      { kind: "CLAIM", verdict: "FALSE" },
      { kind: "CLAIM", verdict: null },
      { kind: "DENIAL", verdict: "TRUE" },
      { kind: "CLAIM", verdict: "FALSE" },
      { kind: "ANALYSIS", verdict: null },
    ]);
    expect(rows).toEqual([
      { verdict: "TRUE", count: 1 },
      { verdict: "FALSE", count: 2 },
      { verdict: null, count: 1 },
    ]);
  });

  it("makes percentages that add up to 100", () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([2, 1])).toEqual([67, 33]);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });

  it("excerpts long quotes on one line", () => {
    expect(excerpt("short")).toBe("short");
    expect(excerpt("a  b\nc")).toBe("a b c");
    expect(excerpt("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
