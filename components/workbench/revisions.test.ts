import { describe, expect, it } from "vitest";
import { layoutArticle } from "./layout";
import { step } from "./model";
import { arrivalText, openWork, reanchoringText, splitPlaced, walkOrder, workText } from "./revisions";

type Status = "ANCHORED" | "CHANGED" | "ORPHANED";
const CURRENT = "rev-2";
const make = (id: string, number: number, start: number, end: number, status: Status, revisionId = CURRENT) => ({
  id,
  number,
  kind: "CLAIM" as const,
  start,
  end,
  revisionId: status === "ORPHANED" && revisionId === CURRENT ? "rev-1" : revisionId,
  anchor: { status },
});

const text = "First sentence here. Second one.";
const blocks = [{ type: "paragraph" as const, start: 0, end: text.length }];
const annotations = [
  make("a", 1, 0, 5, "ANCHORED"),
  make("b", 2, 21, 27, "CHANGED"),
  // Offsets into the older revision: drawn here they would cover "First sentence here" wrongly.
  make("c", 3, 0, 19, "ORPHANED"),
  make("d", 4, 6, 14, "ORPHANED"),
];

describe("annotations in the open revision", () => {
  it("leaves orphans out of the text's layout", () => {
    const { placed, unplaced } = splitPlaced(annotations, CURRENT);
    expect(placed.map((annotation) => annotation.id)).toEqual(["a", "b"]);
    expect(unplaced.map((annotation) => annotation.id)).toEqual(["c", "d"]);
    const [paragraph] = layoutArticle(text, blocks, placed) as unknown as [{ ids: string[] }];
    expect(paragraph.ids).toEqual(["a", "b"]);
  });

  it("treats an annotation whose offsets are into another revision as unplaced, whatever its status says", () => {
    const stale = make("e", 5, 0, 5, "ANCHORED", "rev-1");
    expect(splitPlaced([stale], CURRENT).unplaced).toEqual([stale]);
  });

  it("walks the text in reading order, then the tray, with J and K", () => {
    const { placed, unplaced } = splitPlaced(annotations, CURRENT);
    const order = walkOrder(placed, unplaced);
    expect(order.map((annotation) => annotation.id)).toEqual(["a", "b", "c", "d"]);
    expect(step(order, null, 1)).toBe("a");
    expect(step(order, "b", 1)).toBe("c");
    expect(step(order, "d", 1)).toBe("a");
    expect(step(order, "a", -1)).toBe("d");
    expect(step([], null, 1)).toBeNull();
  });
});

describe("what the banner and notices say", () => {
  it("counts from the annotations as they are now", () => {
    const work = openWork(annotations, CURRENT);
    expect(work).toEqual({ changed: 1, unplaced: 2 });
    expect(workText(work)).toBe("1 changed, 2 need placement");
    expect(workText({ changed: 0, unplaced: 1 })).toBe("1 needs placement");
    expect(workText({ changed: 0, unplaced: 0 })).toBe("");
  });

  it("sums up re-anchoring and a revision's arrival", () => {
    expect(reanchoringText({ anchored: 12, changed: 2, orphaned: 1 })).toBe(
      "12 carried exactly, 2 changed, 1 needs placement",
    );
    expect(reanchoringText({ anchored: 0, changed: 0, orphaned: 0 })).toBe("No annotations to carry");
    expect(arrivalText(3, { changed: 0, unplaced: 1 })).toBe("Revision 3 arrived: 1 annotation needs placement");
    expect(arrivalText(2, { changed: 0, unplaced: 0 })).toBe("Revision 2 arrived: every annotation carried exactly");
  });
});
