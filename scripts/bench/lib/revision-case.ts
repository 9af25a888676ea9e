import type { CarrySpan } from "../../../lib/anchoring/reanchor";
import { quoteAt } from "../../../lib/anchoring/selector";
import { applyNewsEdits, type EditedRevision } from "../../../lib/anchoring/testing/news-edits";
import { prng } from "./synthetic-article";
import { longArticleText } from "./workbench-article";

export type RevisionCase = { oldText: string; newText: string; spans: CarrySpan[] };

/**
 * The revision benchmark case at `scale`× size: the workbench's long
 * article of real newsroom sentences (50,000 words × scale), 2,000 × scale
 * annotations of 1–15 words, and a revision that edits 5 % of its sentences
 * (a quarter deleted, a quarter followed by a new sentence, the rest with a
 * word or figure corrected or re-flowed) and moves one paragraph in 200.
 * Deterministic (seeded), so the server helper's request timing and this
 * benchmark see the same case.
 */
export function makeRevisionCase(scale: number): RevisionCase {
  const { oldText, newText, spans } = revisionCaseWithTruth(scale);
  return { oldText, newText, spans };
}

/** The same case and the edit script's own record of where each old character went (to score a diff against). */
export function revisionCaseWithTruth(scale: number): RevisionCase & Pick<EditedRevision, "carry" | "crossed"> {
  const oldText = longArticleText({ words: 50_000 * scale });
  const random = prng(16 * scale);
  const paragraphs = oldText.split("\n\n").length;
  const { newText, carry, crossed } = applyNewsEdits(oldText, random.next, {
    share: 0.05,
    moves: Math.round(paragraphs / 200),
    reflow: true,
  });
  const words = [...oldText.matchAll(/[\p{L}\p{N}]+/gu)];
  const count = 2_000 * scale;
  const window = Math.floor(words.length / count);
  const spans: CarrySpan[] = [];
  for (let i = 0; i < count; i++) {
    const first = i * window + random.int(0, Math.max(0, window - 16));
    const last = Math.min(first + random.int(0, 14), words.length - 1);
    const start = words[first].index;
    const end = words[last].index + words[last][0].length;
    spans.push({ id: `ann-${String(i).padStart(6, "0")}`, start, end, ...quoteAt(oldText, start, end) });
  }
  return { oldText, newText, spans, carry, crossed };
}
