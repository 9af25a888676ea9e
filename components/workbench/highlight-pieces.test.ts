import { describe, expect, it } from "vitest";
import type { AnnotationStatus } from "@/lib/domain/annotation";
import type { Block } from "@/lib/domain/article";
import { blockPieces, blockSpan, idSet, idsAt, startLabel, SPOKEN_SEPARATOR } from "./highlight-pieces";
import { createLayout, paragraphState, type BlockGroup, type BlockView, type Placed } from "./layout";

const viewsOf = (groups: BlockGroup[]): BlockView[] =>
  groups.flatMap((group) => (group.type === "list" ? group.items : [group]));

// "Alpha beta gamma.\n\nDelta epsilon.": a denial over "beta gamma", a claim nested in it over "gamma",
// an analysis from "gamma." into the second paragraph.
const text = "Alpha beta gamma.\n\nDelta epsilon.";
const blocks: Block[] = [
  { type: "paragraph", start: 0, end: 17 },
  { type: "paragraph", start: 19, end: 33 },
];
const annotations: Placed[] = [
  { id: "d", kind: "DENIAL", start: 6, end: 16 },
  { id: "c", kind: "CLAIM", start: 11, end: 16 },
  { id: "a", kind: "ANALYSIS", start: 11, end: 24 },
];
const [first, second] = viewsOf(createLayout(text, blocks)(annotations));
const none = new Set<string>();

describe("blockPieces", () => {
  it("draws every annotated run once, named by the outermost and innermost kinds and how many overlap; plain runs draw nothing", () => {
    const pieces = blockPieces(first, null, none, none);
    expect(pieces.map((piece) => [text.slice(piece.start, piece.end), piece.names])).toEqual([
      ["beta ", ["wb-denial"]],
      // The analysis's colour, the claim's underline.
      ["gamma", ["wb-analysis-claim", "wb-depth-3"]],
      [".", ["wb-analysis"]],
    ]);
    // Outermost first, as a click hands them to the panel.
    expect(pieces[1].ids).toEqual(["a", "d", "c"]);
  });

  it("marks the open annotation's pieces, and those flashing or with changed words", () => {
    const names = (open: string | null, flashing: string[], changed: string[]) =>
      blockPieces(first, open, new Set(flashing), new Set(changed)).map((piece) => piece.names.slice(1).join(" "));
    expect(names("c", [], [])).toEqual(["", "wb-depth-3 wb-open", ""]);
    expect(names(null, ["d"], [])).toEqual(["wb-flashing", "wb-depth-3 wb-flashing", ""]);
    expect(names(null, [], ["a"])).toEqual(["", "wb-depth-3 wb-changed", "wb-changed"]);
  });

  it("covers a block's text from its first to its last character, in pieces that carry an annotation across blocks", () => {
    expect(blockSpan(first)).toEqual({ start: 0, end: 17 });
    expect(blockSpan(second)).toEqual({ start: 19, end: 33 });
    const pieces = blockPieces(second, "a", none, none);
    expect(pieces).toEqual([{ start: 19, end: 24, ids: ["a"], names: ["wb-analysis", "wb-open"] }]);
  });

  it("changes only in the paragraphs of the annotation opened or flashing (with paragraphState's keys)", () => {
    const views = [first, second];
    const drawn = (openId: string | null, flashing: string[]) =>
      views.map((view) => {
        const state = paragraphState(view, openId, new Set(flashing), new Map(), new Map());
        return JSON.stringify(blockPieces(view, state.openId, idSet(state.flashKey), idSet(state.changedKey)));
      });
    const closed = drawn(null, []);
    expect(drawn("d", []).map((value, index) => value !== closed[index])).toEqual([true, false]);
    expect(drawn("a", []).map((value, index) => value !== closed[index])).toEqual([true, true]);
    expect(drawn(null, ["c"]).map((value, index) => value !== closed[index])).toEqual([true, false]);
  });
});

describe("idsAt", () => {
  it("finds the annotations over a character, outermost first, and none over plain text", () => {
    const pieces = blockPieces(first, null, none, none);
    expect(idsAt(pieces, 11)).toEqual(["a", "d", "c"]);
    expect(idsAt(pieces, 6)).toEqual(["d"]);
    expect(idsAt(pieces, 16)).toEqual(["a"]);
    expect(idsAt(pieces, 2)).toEqual([]);
    expect(idsAt(pieces, 17)).toEqual([]);
  });
});

describe("startLabel", () => {
  const labels = new Map([
    ["d", "D1"],
    ["a", "A1"],
    ["c", "C1"],
  ]);
  it("labels a block with the annotations starting in it, in text order, to see and to hear", () => {
    expect(first.opening).toEqual(["d", "a", "c"]);
    const statuses = new Map<string, AnnotationStatus>([
      ["d", "APPROVED"],
      ["a", "SUBMITTED"],
      ["c", "DRAFT"],
    ]);
    expect(startLabel(first.opening, labels, statuses, new Set(["c"]))).toEqual({
      "data-label": "D1\u202f✓ A1\u202f→ C1\u202fΔ",
      "data-label-alt": ["D1 approved", "A1 submitted", "C1, words changed"].join(SPOKEN_SEPARATOR),
      "data-status": undefined,
    });
    // One part per annotation, in the same order: split on the separators (e2e reads one annotation's part so).
    expect(startLabel(first.opening, labels, statuses, none)["data-label"]!.split(" ")).toHaveLength(3);
  });

  it("tints by status only when the labels agree, and gives nothing to a block where none starts", () => {
    const approved = new Map<string, AnnotationStatus>([
      ["d", "APPROVED"],
      ["a", "APPROVED"],
      ["c", "APPROVED"],
    ]);
    expect(startLabel(first.opening, labels, approved, none)["data-status"]).toBe("approved");
    expect(second.opening).toEqual([]);
    expect(startLabel(second.opening, labels, approved, none)).toEqual({});
  });
});
