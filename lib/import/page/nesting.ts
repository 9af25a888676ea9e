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

/** Elements a parser closes by itself (void, or closed by the next sibling): they add no depth. */
const NO_DEPTH =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|td|th|tr|tbody|thead|tfoot|option|optgroup|rt|rp)$/;
const SKIPPED = /<!--[\s\S]*?-->|<(script|style|template|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * How deep the HTML nests, read from its tags alone (no parse): opening tags
 * minus closing ones, leaving out elements a parser closes by itself and the
 * contents of scripts, styles and comments. htmlparser2 (under the sanitiser
 * and linkedom) spends time in the square of the depth, so a caller can refuse
 * a pathological document before any parse; real pages stay under a few hundred.
 */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.replace(SKIPPED, "").matchAll(TAG)) {
    if (selfClosing || NO_DEPTH.test(name.toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
