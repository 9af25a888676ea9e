"use client";

/**
 * Keyboard selection in read-only text. Browsers extend an existing selection
 * with Shift+arrows, but without caret browsing they have no caret to start
 * from in text that is not editable. While the article text has focus, the
 * arrow keys (and Home/End) move or extend the selection here with
 * Selection.modify, kept inside the article; the workbench draws the caret.
 */
type Step = [
  direction: "forward" | "backward",
  granularity: "character" | "word" | "line" | "lineboundary" | "paragraph",
];

const STEPS: Record<string, Step> = {
  ArrowLeft: ["backward", "character"],
  ArrowRight: ["forward", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};

/** Puts a caret at the start of the first piece of text in view. */
export function placeCaret(root: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  if (selection.rangeCount > 0 && root.contains(selection.focusNode)) return false;
  const pieces = [...root.querySelectorAll<HTMLElement>("[data-start]")];
  const visible = pieces.find((piece) => piece.getBoundingClientRect().bottom > 0) ?? pieces[0];
  if (!visible?.firstChild) return false;
  selection.collapse(visible.firstChild, 0);
  return true;
}

/** Handles a caret key; true when it did (the caller prevents the default). */
export function moveCaret(
  event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
  root: HTMLElement,
): boolean {
  const step = STEPS[event.key];
  const selection = window.getSelection();
  // Alt+arrows and Cmd+arrows belong to the browser (history, tabs).
  if (!step || !selection || event.metaKey || event.altKey) return false;
  if (placeCaret(root) && !event.shiftKey) return true;
  const direction = step[0];
  let granularity = step[1];
  // Ctrl moves by word, and by paragraph up and down.
  if (event.ctrlKey)
    granularity = granularity === "line" ? "paragraph" : granularity === "character" ? "word" : granularity;
  const before = {
    anchorNode: selection.anchorNode,
    anchorOffset: selection.anchorOffset,
    focusNode: selection.focusNode,
    focusOffset: selection.focusOffset,
  };
  selection.modify(event.shiftKey ? "extend" : "move", direction, granularity);
  // Never leave the article: past its first or last character, stay put.
  if (!root.contains(selection.focusNode) || !root.contains(selection.anchorNode)) {
    if (before.anchorNode && before.focusNode)
      selection.setBaseAndExtent(before.anchorNode, before.anchorOffset, before.focusNode, before.focusOffset);
  }
  keepInView(selection);
  return true;
}

/** The caret's box (at the selection's focus), or null. */
export function focusRect(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null;
  const range = document.createRange();
  try {
    range.setStart(selection.focusNode, selection.focusOffset);
  } catch {
    return null;
  }
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? null;
  if (rect && rect.height > 0) return rect;
  const element = selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement;
  return element?.getBoundingClientRect() ?? null;
}

function keepInView(selection: Selection) {
  const rect = focusRect(selection);
  if (!rect) return;
  const margin = 80;
  if (rect.bottom > window.innerHeight - margin) window.scrollBy({ top: rect.bottom - window.innerHeight + margin });
  else if (rect.top < margin) window.scrollBy({ top: rect.top - margin });
}
