import { describe, expect, it } from "vitest";
import { boundaryToOffset, rangeToSpan, trimSpan, type TreeNode } from "./offsets";

/** A tiny stand-in for the DOM: enough structure for the offset walk. */
type FakeNode = TreeNode & {
  parentNode: FakeNode | null;
  childNodes: FakeNode[];
  attributes: Record<string, string>;
  getAttribute(name: string): string | null;
};

function el(attributes: Record<string, string>, ...children: FakeNode[]): FakeNode {
  const node: FakeNode = {
    nodeType: 1,
    parentNode: null,
    childNodes: children,
    nodeValue: null,
    attributes,
    getAttribute: (name) => attributes[name] ?? null,
  };
  for (const child of children) child.parentNode = node;
  return node;
}
function txt(value: string): FakeNode {
  return { nodeType: 3, parentNode: null, childNodes: [], nodeValue: value, attributes: {}, getAttribute: () => null };
}

// "Hello “big” world.\n\nSecond 🚲 line." rendered as two paragraphs with segments.
const text = "Hello “big” world.\n\nSecond 🚲 line.";
const t1 = txt("Hello ");
const t2 = txt("“big”");
const t3 = txt(" world.");
const t4 = txt("Second 🚲");
const t5 = txt(" line.");
const between = txt("\n");
const s1 = el({ "data-start": "0" }, t1);
const s2 = el({ "data-start": "6", "data-annotations": "a" }, t2);
const s3 = el({ "data-start": "11" }, t3);
const s4 = el({ "data-start": "20", "data-annotations": "b" }, t4);
const s5 = el({ "data-start": "29" }, t5);
const p1 = el({}, s1, s2, s3);
const p2 = el({}, s4, s5);
const root = el({}, p1, between, p2);
const outside = el({}, txt("title"));

describe("boundaryToOffset", () => {
  it("maps a point in a segment's text node to segment start + offset", () => {
    expect(boundaryToOffset(root, { node: t1, offset: 2 }, "start")).toBe(2);
    expect(boundaryToOffset(root, { node: t2, offset: 1 }, "start")).toBe(7);
    expect(text.slice(6, 11)).toBe("“big”");
    expect(boundaryToOffset(root, { node: t3, offset: 7 }, "end")).toBe(18);
  });

  it("counts UTF-16 code units, as the DOM does (an emoji is two)", () => {
    expect(boundaryToOffset(root, { node: t4, offset: 9 }, "end")).toBe(29);
    expect(text.slice(20, 29)).toBe("Second 🚲");
  });

  it("maps a point on a segment element by the text of the children before it", () => {
    expect(boundaryToOffset(root, { node: s2, offset: 0 }, "start")).toBe(6);
    expect(boundaryToOffset(root, { node: s2, offset: 1 }, "end")).toBe(11);
  });

  it("snaps points between segments: a start forward, an end back", () => {
    // On the paragraph element, before its second child.
    expect(boundaryToOffset(root, { node: p1, offset: 1 }, "start")).toBe(6);
    expect(boundaryToOffset(root, { node: p1, offset: 1 }, "end")).toBe(6);
    // At the very start of the second paragraph (a triple-click ends here).
    expect(boundaryToOffset(root, { node: p2, offset: 0 }, "end")).toBe(18);
    expect(boundaryToOffset(root, { node: p2, offset: 0 }, "start")).toBe(20);
    // In the whitespace text between the blocks.
    expect(boundaryToOffset(root, { node: between, offset: 1 }, "start")).toBe(20);
    expect(boundaryToOffset(root, { node: between, offset: 0 }, "end")).toBe(18);
    // On root itself, at either end.
    expect(boundaryToOffset(root, { node: root, offset: 0 }, "start")).toBe(0);
    expect(boundaryToOffset(root, { node: root, offset: 3 }, "end")).toBe(text.length);
    expect(boundaryToOffset(root, { node: p2, offset: 2 }, "end")).toBe(text.length);
  });

  it("is null outside root", () => {
    expect(boundaryToOffset(root, { node: outside, offset: 0 }, "start")).toBeNull();
  });
});

describe("rangeToSpan", () => {
  it("converts a range across segments and blocks", () => {
    const span = rangeToSpan(root, { startContainer: t2, startOffset: 1, endContainer: t4, endOffset: 6 });
    expect(span).toEqual({ start: 7, end: 26 });
    expect(text.slice(span!.start, span!.end)).toBe("big” world.\n\nSecond");
  });

  it("clamps an end outside root to root's edge", () => {
    expect(rangeToSpan(root, { startContainer: t5, startOffset: 1, endContainer: outside, endOffset: 0 })).toEqual({
      start: 30,
      end: text.length,
    });
    expect(rangeToSpan(root, { startContainer: outside, startOffset: 0, endContainer: t1, endOffset: 5 })).toEqual({
      start: 0,
      end: 5,
    });
  });

  it("is null for a range entirely outside root unless it covers root", () => {
    const range = { startContainer: outside, startOffset: 0, endContainer: outside, endOffset: 1 };
    expect(rangeToSpan(root, range)).toBeNull();
    expect(rangeToSpan(root, range, true)).toEqual({ start: 0, end: text.length });
  });

  it("is null for a collapsed range", () => {
    expect(rangeToSpan(root, { startContainer: t3, startOffset: 2, endContainer: t3, endOffset: 2 })).toBeNull();
  });

  it("is null when the range covers only the gap between blocks", () => {
    expect(
      rangeToSpan(root, { startContainer: between, startOffset: 0, endContainer: between, endOffset: 1 }),
    ).toBeNull();
  });
});

// The article as it renders now (decision 027): each block is the segment, one text node, no child elements;
// a list's items are the segments, the list itself carries no offset. "Intro text.\n- one\n- two\n\nEnd."
describe("one text node per block", () => {
  const blockText = "Intro text.\n- one\n- two\n\nEnd.";
  const intro = txt("Intro text.");
  const one = txt("one");
  const two = txt("two");
  const end = txt("End.");
  const p = el({ "data-start": "0" }, intro);
  const li1 = el({ "data-start": "14" }, one);
  const li2 = el({ "data-start": "20" }, two);
  const list = el({}, li1, li2);
  const last = el({ "data-start": "25" }, end);
  const blockRoot = el({}, p, list, last);

  it("maps a point in a block's text node, or on the block itself, to the block's start plus the offset", () => {
    expect(boundaryToOffset(blockRoot, { node: intro, offset: 6 }, "start")).toBe(6);
    expect(boundaryToOffset(blockRoot, { node: two, offset: 3 }, "end")).toBe(23);
    expect(blockText.slice(20, 23)).toBe("two");
    // A click or triple-click can land on the element (its label's generated content adds no node).
    expect(boundaryToOffset(blockRoot, { node: li1, offset: 0 }, "start")).toBe(14);
    expect(boundaryToOffset(blockRoot, { node: last, offset: 1 }, "end")).toBe(blockText.length);
  });

  it("snaps points on the list (between its items) and on root to the nearest item", () => {
    expect(boundaryToOffset(blockRoot, { node: list, offset: 1 }, "start")).toBe(20);
    expect(boundaryToOffset(blockRoot, { node: list, offset: 1 }, "end")).toBe(17);
    expect(boundaryToOffset(blockRoot, { node: blockRoot, offset: 1 }, "end")).toBe(11);
  });

  it("converts a selection across blocks and list items", () => {
    const span = rangeToSpan(blockRoot, { startContainer: intro, startOffset: 6, endContainer: li2, endOffset: 1 });
    expect(span).toEqual({ start: 6, end: 23 });
    expect(blockText.slice(span!.start, span!.end)).toBe("text.\n- one\n- two");
  });
});

describe("trimSpan", () => {
  it("drops leading and trailing whitespace, including newlines and no-break spaces", () => {
    expect(trimSpan(" \n a b\u00a0\n", { start: 0, end: 8 })).toEqual({ start: 3, end: 6 });
  });
  it("is null for whitespace only", () => {
    expect(trimSpan("a   b", { start: 1, end: 4 })).toBeNull();
  });
  it("clamps to the text", () => {
    expect(trimSpan("abc", { start: -2, end: 10 })).toEqual({ start: 0, end: 3 });
  });
});
