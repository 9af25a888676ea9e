/**
 * DOM selection → text offsets, written against a minimal node shape so it is
 * unit-tested without a browser. The article renders every block as one
 * element carrying `data-start` (its UTF-16 offset in the revision text) with
 * a single text node inside (decision 027: highlights are Ranges, not
 * elements); anything else (lists, whitespace between blocks) carries no text
 * of the revision. Segments holding several nodes still map exactly.
 */
export interface TreeNode {
  readonly nodeType: number;
  readonly parentNode: TreeNode | null;
  readonly childNodes: ArrayLike<TreeNode>;
  readonly nodeValue: string | null;
}
interface ElementNode extends TreeNode {
  getAttribute(name: string): string | null;
}

/** A boundary point, as in Range.startContainer/startOffset. */
export type Boundary = { node: TreeNode; offset: number };
export type RangeLike = { startContainer: TreeNode; startOffset: number; endContainer: TreeNode; endOffset: number };
export type Span = { start: number; end: number };

export const SEGMENT_ATTRIBUTE = "data-start";
const ELEMENT = 1;
const TEXT = 3;

const segmentStart = (node: TreeNode): number | null => {
  if (node.nodeType !== ELEMENT) return null;
  const raw = (node as ElementNode).getAttribute(SEGMENT_ATTRIBUTE);
  return raw === null || raw === "" ? null : Number(raw);
};

export function isInside(node: TreeNode, root: TreeNode): boolean {
  for (let current: TreeNode | null = node; current; current = current.parentNode) if (current === root) return true;
  return false;
}

/** The segment element holding `node` (itself included), if any, below root. */
function segmentOf(node: TreeNode, root: TreeNode): TreeNode | null {
  for (let current: TreeNode | null = node; current && current !== root; current = current.parentNode)
    if (segmentStart(current) !== null) return current;
  return null;
}

const textLength = (node: TreeNode): number => {
  if (node.nodeType === TEXT) return node.nodeValue?.length ?? 0;
  let length = 0;
  for (let i = 0; i < node.childNodes.length; i++) length += textLength(node.childNodes[i]);
  return length;
};

/** Text before `node` inside `segment`, in document order. */
function textBefore(segment: TreeNode, node: TreeNode): number {
  let total = 0;
  const walk = (current: TreeNode): boolean => {
    if (current === node) return true;
    if (current.nodeType === TEXT) total += current.nodeValue?.length ?? 0;
    for (let i = 0; i < current.childNodes.length; i++) if (walk(current.childNodes[i])) return true;
    return false;
  };
  walk(segment);
  return total;
}

/** Every node under root in document order, with where each subtree ends. */
function preorder(root: TreeNode) {
  const nodes: TreeNode[] = [];
  const index = new Map<TreeNode, number>();
  const after = new Map<TreeNode, number>();
  const walk = (node: TreeNode) => {
    index.set(node, nodes.length);
    nodes.push(node);
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    after.set(node, nodes.length);
  };
  walk(root);
  return { nodes, index, after };
}

/**
 * The text offset of a boundary point. Inside a segment it is exact; between
 * segments (on a block element, in whitespace between blocks) a start snaps
 * forward to the next segment and an end snaps back to the previous one.
 * Null when the point is outside root or root holds no text.
 */
export function boundaryToOffset(root: TreeNode, { node, offset }: Boundary, bias: "start" | "end"): number | null {
  if (!isInside(node, root)) return null;
  const segment = segmentOf(node, root);
  if (segment) {
    const start = segmentStart(segment)!;
    if (node.nodeType === TEXT) return start + textBefore(segment, node) + offset;
    let before = 0;
    for (let i = 0; i < Math.min(offset, node.childNodes.length); i++) before += textLength(node.childNodes[i]);
    return start + textBefore(segment, node) + before;
  }
  const order = preorder(root);
  let position: number;
  if (node.nodeType === TEXT) position = order.index.get(node)! + (offset > 0 ? 1 : 0);
  else position = offset < node.childNodes.length ? order.index.get(node.childNodes[offset])! : order.after.get(node)!;
  const segments = order.nodes.filter((candidate) => segmentStart(candidate) !== null);
  if (segments.length === 0) return null;
  const endOf = (seg: TreeNode) => segmentStart(seg)! + textLength(seg);
  if (bias === "start") {
    const next = segments.find((seg) => order.index.get(seg)! >= position);
    return next ? segmentStart(next)! : endOf(segments.at(-1)!);
  }
  const previous = segments.findLast((seg) => order.after.get(seg)! <= position);
  return previous ? endOf(previous) : segmentStart(segments[0])!;
}

/**
 * A range's span of the text under root. Ends outside root are clamped to its
 * edges (a drag that starts in the title still tags the article text it
 * covers); with both ends outside, only a range that `coversRoot` (the
 * caller asks Range.intersectsNode) counts.
 */
export function rangeToSpan(root: TreeNode, range: RangeLike, coversRoot = false): Span | null {
  const startInside = isInside(range.startContainer, root);
  const endInside = isInside(range.endContainer, root);
  if (!startInside && !endInside && !coversRoot) return null;
  const start = boundaryToOffset(
    root,
    startInside ? { node: range.startContainer, offset: range.startOffset } : { node: root, offset: 0 },
    "start",
  );
  const end = boundaryToOffset(
    root,
    endInside ? { node: range.endContainer, offset: range.endOffset } : { node: root, offset: root.childNodes.length },
    "end",
  );
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Narrows a span past leading and trailing whitespace; null when nothing else is left. */
export function trimSpan(text: string, { start, end }: Span): Span | null {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to > from ? { start: from, end: to } : null;
}
