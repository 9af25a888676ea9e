import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/domain/article";
import { createLayout, paragraphState, type BlockGroup, type BlockView, type LayoutStats, type Placed } from "./layout";

/** `count` paragraphs of ten characters with one annotation in each, and every tenth spanning into the next paragraph. */
function article(count: number) {
  const blocks: Block[] = [];
  const annotations: Placed[] = [];
  for (let i = 0; i < count; i++) {
    blocks.push({ type: i % 7 === 3 ? "list-item" : "paragraph", start: i * 12, end: i * 12 + 10 });
    annotations.push({
      id: `a${i}`,
      kind: "CLAIM",
      start: i * 12 + 2,
      end: i % 10 === 0 && i + 1 < count ? i * 12 + 15 : i * 12 + 6,
    });
  }
  return { text: "x".repeat(count * 12), blocks, annotations };
}

const viewsOf = (groups: BlockGroup[]): BlockView[] =>
  groups.flatMap((group) => (group.type === "list" ? group.items : [group]));

describe("createLayout", () => {
  it("lays out like a fresh layout, whatever came before", () => {
    const { text, blocks, annotations } = article(30);
    const layout = createLayout(text, blocks);
    layout(annotations.slice(0, 10));
    const changed = annotations.map((annotation) =>
      annotation.id === "a5" ? { ...annotation, end: annotation.end + 1 } : annotation,
    );
    expect(layout(changed)).toEqual(createLayout(text, blocks)(changed));
  });

  it("gives new objects only for the paragraphs a changed annotation touches", () => {
    const { text, blocks, annotations } = article(30);
    const layout = createLayout(text, blocks);
    const before = viewsOf(layout(annotations));
    // a10 spans paragraphs 10 and 11; moving its end changes both, and nothing else.
    const after = viewsOf(
      layout(
        annotations.map((annotation) =>
          annotation.id === "a10" ? { ...annotation, end: annotation.end + 1 } : annotation,
        ),
      ),
    );
    const renewed = after.flatMap((view, index) => (view === before[index] ? [] : [index]));
    expect(renewed).toEqual([10, 11]);
  });

  it("reuses every paragraph when only the array is new, and lays out one paragraph for a created annotation", () => {
    const { text, blocks, annotations } = article(30);
    const layout = createLayout(text, blocks);
    const before = viewsOf(layout(annotations));
    expect(viewsOf(layout([...annotations]))).toEqual(before);
    expect(viewsOf(layout([...annotations])).every((view, index) => view === before[index])).toBe(true);
    const stats: LayoutStats = { visits: 0, laidOut: 0 };
    const after = viewsOf(
      layout([...annotations, { id: "new", kind: "DENIAL", start: 12 * 4 + 7, end: 12 * 4 + 9 }], stats),
    );
    expect(stats.laidOut).toBe(1);
    expect(after[4]).not.toBe(before[4]);
    expect(after[4].ids).toEqual(["a4", "new"]);
  });

  it("moves the label with an annotation that now starts in another paragraph", () => {
    const { text, blocks, annotations } = article(5);
    const layout = createLayout(text, blocks);
    layout(annotations);
    const moved = viewsOf(
      layout(annotations.map((annotation) => (annotation.id === "a2" ? { ...annotation, start: 12 + 8 } : annotation))),
    );
    expect(moved[1].segments.flatMap((piece) => piece.opens)).toEqual(["a1", "a2"]);
    expect(moved[2].segments.flatMap((piece) => piece.opens)).toEqual([]);
    expect(moved[2].segments.flatMap((piece) => piece.closes)).toEqual(["a2"]);
  });

  it("does work in proportion to paragraphs and annotations, not their product", () => {
    const work = (count: number) => {
      const { text, blocks, annotations } = article(count);
      const stats: LayoutStats = { visits: 0, laidOut: 0 };
      createLayout(text, blocks)(annotations, stats);
      return stats;
    };
    const small = work(1_000);
    const large = work(4_000);
    expect(small.laidOut).toBe(1_000);
    // Each annotation is looked at a few times (sweep, prune, its blocks), never once per block: 1,000 × 1,000 would be a million.
    expect(small.visits).toBeLessThan(4 * 1_000);
    expect(large.visits / small.visits).toBeLessThan(4.2);
  });
});

describe("paragraphState", () => {
  const { text, blocks, annotations } = article(30);
  const views = viewsOf(createLayout(text, blocks)(annotations));
  const labels = new Map(annotations.map((annotation, index) => [annotation.id, `C${index + 1}`]));
  const statuses = new Map(annotations.map((annotation) => [annotation.id, "DRAFT"]));
  const states = (openId: string | null, flashing: string[], labelMap = labels, statusMap = statuses) =>
    views.map((view) => JSON.stringify(paragraphState(view, openId, new Set(flashing), labelMap, statusMap)));
  const changed = (a: string[], b: string[]) => a.flatMap((value, index) => (value === b[index] ? [] : [index]));

  it("changes only for the paragraphs of the annotation opened, closed, flashing or relabelled", () => {
    const closed = states(null, []);
    expect(changed(closed, states("a10", []))).toEqual([10, 11]);
    expect(changed(states("a3", []), states("a10", []))).toEqual([3, 10, 11]);
    expect(changed(closed, states(null, ["a7"]))).toEqual([7]);
    expect(changed(closed, states(null, [], labels, new Map(statuses).set("a20", "APPROVED")))).toEqual([20]);
    // A label shows where its annotation starts: a10 runs on into paragraph 11, which does not show it.
    expect(changed(closed, states(null, [], new Map(labels).set("a10", "C99")))).toEqual([10]);
  });
});
