/**
 * Readability walks each node's ancestors, so its time grows with the square
 * of the nesting depth: a page 1,000 elements deep took seconds. Real pages
 * nest well under 100 deep; deeper elements are unwrapped here (their text
 * stays, in order), as the import's sanitiser unwraps tags below its own limit.
 */
export const MAX_DEPTH = 160;

/** Unwraps every element nested deeper than `MAX_DEPTH`; returns how many were unwrapped. */
export function flattenDeepNesting(document: Document, maxDepth = MAX_DEPTH): number {
  let unwrapped = 0;
  const stack: { node: Element; depth: number }[] = [];
  if (document.documentElement) stack.push({ node: document.documentElement, depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= maxDepth) {
      for (const deep of Array.from(node.querySelectorAll("*")).reverse()) {
        deep.replaceWith(...Array.from(deep.childNodes));
        unwrapped++;
      }
      continue;
    }
    for (const child of Array.from(node.children)) stack.push({ node: child, depth: depth + 1 });
  }
  return unwrapped;
}
