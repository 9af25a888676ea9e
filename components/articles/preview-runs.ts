/** A run of the preview: one kept block alone, or neighbouring left-out blocks together, by index into the page's blocks. */
export type PreviewRun = { leftOut: boolean; indexes: number[] };

/**
 * The preview's runs from the extractor's choice (not the editor's: a block unticked stays where it is, in view).
 * Left-out neighbours share one run, collapsed behind "N blocks left out — show", so the article reads as one.
 */
export function previewRuns(kept: readonly boolean[]): PreviewRun[] {
  const runs: PreviewRun[] = [];
  kept.forEach((isKept, index) => {
    const last = runs.at(-1);
    if (!isKept && last?.leftOut) last.indexes.push(index);
    else runs.push({ leftOut: !isKept, indexes: [index] });
  });
  return runs;
}

/** "1 block left out", "3 blocks left out". */
export const leftOutLabel = (count: number) => `${count} ${count === 1 ? "block" : "blocks"} left out`;
