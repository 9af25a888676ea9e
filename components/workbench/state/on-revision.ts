import type { AnnotationSummary } from "@/lib/views/article-view";
import type { WorkbenchState } from "../live/apply-event";

/** What re-anchoring changes in an annotation: where it stands, and in which revision. */
const PLACE = ["revisionId", "start", "end", "quote", "prefix", "suffix", "anchor", "previousQuote"] as const;

const samePlace = (a: AnnotationSummary, b: AnnotationSummary) =>
  a.revisionId === b.revisionId &&
  a.start === b.start &&
  a.end === b.end &&
  a.quote === b.quote &&
  a.anchor.status === b.anchor.status &&
  a.anchor.score === b.anchor.score &&
  a.previousQuote === b.previousQuote;

/**
 * Before a new revision's article is merged (mergeArticle, which takes only newer versions): every held annotation
 * takes its place in the new text from the answer, even at the version held (offsets into the old text would be
 * drawn on the wrong words). Only the place is taken: the fields a form edits, and unsaved typing in them, are left
 * to the merge's usual care, and saving never sends offsets (drafts.ts: patchChanges), so nothing stale goes back.
 */
export function onRevision(state: WorkbenchState, incoming: readonly AnnotationSummary[]): WorkbenchState {
  const byId = new Map(incoming.map((annotation) => [annotation.id, annotation]));
  let changed = false;
  const annotations = state.annotations.map((held) => {
    const fresh = byId.get(held.id);
    if (!fresh || samePlace(held, fresh)) return held;
    changed = true;
    const moved: AnnotationSummary = { ...held };
    for (const key of PLACE) Object.assign(moved, { [key]: fresh[key] });
    return moved;
  });
  return changed ? { ...state, annotations } : state;
}
