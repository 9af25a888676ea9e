/** One piece of the diff between two revisions (lib/anchoring/reanchor.ts: DiffOp). */
export type DiffOp = { op: "equal" | "insert" | "delete"; text: string };

/** What the diff view draws: changed text in full, long unchanged stretches cut to their ends with the middle skipped. */
export type DiffPart = { kind: "equal" | "insert" | "delete"; text: string } | { kind: "skip"; text: string };

/**
 * The diff as the view shows it. Unchanged text longer than twice `context`
 * keeps `context` characters beside each change (cut at a space where one is
 * near, so words stay whole) and skips the rest; at the very start and end of
 * the article only the side next to a change is kept.
 */
export function collapseDiff(ops: readonly DiffOp[], context = 120): DiffPart[] {
  const parts: DiffPart[] = [];
  ops.forEach((op, index) => {
    if (!op.text) return;
    if (op.op !== "equal") return parts.push({ kind: op.op, text: op.text });
    const keepHead = index > 0 ? context : 0;
    const keepTail = index < ops.length - 1 ? context : 0;
    if (op.text.length <= keepHead + keepTail + context) return parts.push({ kind: "equal", text: op.text });
    const head = cutAfter(op.text, keepHead);
    const tail = cutBefore(op.text, op.text.length - keepTail);
    if (head) parts.push({ kind: "equal", text: op.text.slice(0, head) });
    parts.push({ kind: "skip", text: op.text.slice(head, tail) });
    if (tail < op.text.length) parts.push({ kind: "equal", text: op.text.slice(tail) });
  });
  return parts;
}

/** The number of changes: runs of inserted or deleted text with no unchanged text between them count once. */
export function changeCount(ops: readonly DiffOp[]): number {
  let count = 0;
  let inChange = false;
  for (const op of ops) {
    if (!op.text) continue;
    if (op.op === "equal") inChange = false;
    else if (!inChange) {
      count++;
      inChange = true;
    }
  }
  return count;
}

/** A cut at or after `at`, at the next space within 30 characters (else exactly at `at`). */
function cutAfter(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.indexOf(" ", at);
  return space >= 0 && space - at <= 30 ? space : at;
}

/** A cut at or before `at`, just after the previous space within 30 characters (else exactly at `at`). */
function cutBefore(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(" ", at);
  return space >= 0 && at - space <= 30 ? space + 1 : at;
}
