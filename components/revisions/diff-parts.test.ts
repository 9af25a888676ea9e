import { describe, expect, it } from "vitest";
import { changeCount, collapseDiff, type DiffOp } from "./diff-parts";

const words = (count: number, word = "word") => Array.from({ length: count }, () => word).join(" ");

describe("collapseDiff", () => {
  it("keeps short unchanged text whole and changed text always", () => {
    const ops: DiffOp[] = [
      { op: "equal", text: "Sales rose " },
      { op: "delete", text: "20%" },
      { op: "insert", text: "12%" },
      { op: "equal", text: " in May." },
    ];
    expect(collapseDiff(ops, 40)).toEqual([
      { kind: "equal", text: "Sales rose " },
      { kind: "delete", text: "20%" },
      { kind: "insert", text: "12%" },
      { kind: "equal", text: " in May." },
    ]);
  });

  it("skips the middle of a long unchanged stretch, keeping context beside each change at word boundaries", () => {
    const long = ` ${words(200)} `;
    const parts = collapseDiff(
      [
        { op: "insert", text: "New." },
        { op: "equal", text: long },
        { op: "delete", text: "Old." },
      ],
      40,
    );
    expect(parts.map((part) => part.kind)).toEqual(["insert", "equal", "skip", "equal", "delete"]);
    const [, head, skip, tail] = parts as [unknown, { text: string }, { text: string }, { text: string }];
    expect(head.text.length).toBeGreaterThanOrEqual(40);
    expect(head.text.length).toBeLessThanOrEqual(70);
    expect(tail.text.length).toBeGreaterThanOrEqual(40);
    expect(head.text + skip.text + tail.text).toBe(long);
    // Cut at spaces: no word is split.
    expect(head.text.endsWith("word")).toBe(true);
    expect(tail.text.startsWith("word")).toBe(true);
  });

  it("keeps only the side next to a change at the start and the end of the article", () => {
    const long = words(100);
    const parts = collapseDiff(
      [
        { op: "equal", text: long },
        { op: "insert", text: "X" },
        { op: "equal", text: long },
      ],
      20,
    );
    expect(parts.map((part) => part.kind)).toEqual(["skip", "equal", "insert", "equal", "skip"]);
  });
});

describe("changeCount", () => {
  it("counts a replacement (delete then insert) once and separate changes apart", () => {
    expect(
      changeCount([
        { op: "equal", text: "a " },
        { op: "delete", text: "b" },
        { op: "insert", text: "c" },
        { op: "equal", text: " d " },
        { op: "insert", text: "e" },
      ]),
    ).toBe(2);
    expect(changeCount([{ op: "equal", text: "same" }])).toBe(0);
  });
});
