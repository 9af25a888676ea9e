"use client";

import { useMemo, useState } from "react";
import type { BlockType } from "@/lib/domain/article";
import type { BlockWhy } from "@/lib/import/page/types";
import { leftOutLabel, previewRuns } from "./preview-runs";

/** One block of the page as POST /articles/preview lists it; `kept` is the editor's choice, starting as the extractor's. */
export type PreviewBlock = { type: BlockType; level?: number; text: string; kept: boolean; why: BlockWhy };

const WHY: Record<BlockWhy, string | null> = {
  article: null,
  "json-ld": "from JSON-LD",
  correction: "correction",
  page: "page",
  caption: "caption",
  "pull-quote": "pull quote",
};

const KIND: Record<BlockType, string> = {
  paragraph: "Paragraph",
  heading: "Heading",
  blockquote: "Quote",
  "list-item": "List item",
};

/**
 * The page's blocks in order, each with a "keep" checkbox: what the extractor kept is checked, what it left out is
 * muted, and each run of left-out blocks waits behind "N blocks left out — show" so the article reads as one. The
 * runs are fixed by the extractor's choice, not the editor's: a block unticked stays where it is. The count is a
 * live region, so a screen reader hears each change.
 */
export function ImportPreview({
  blocks,
  initiallyKept,
  onKeep,
}: {
  blocks: PreviewBlock[];
  /** The extractor's choice, which decides the collapsed runs. */
  initiallyKept: boolean[];
  onKeep: (index: number, kept: boolean) => void;
}) {
  const runs = useMemo(() => previewRuns(initiallyKept), [initiallyKept]);
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  const kept = blocks.filter((block) => block.kept).length;
  const show = (first: number, open: boolean) =>
    setShown((current) => {
      const next = new Set(current);
      if (open) next.add(first);
      else next.delete(first);
      return next;
    });

  return (
    <fieldset className="import-preview" aria-describedby="preview-count">
      <legend>The article as it will be imported</legend>
      <p id="preview-count" className="preview-count" role="status">
        {kept} of {blocks.length} blocks kept. Untick a block to leave it out; show a left-out one to bring it back.
      </p>
      {runs.map((run) => {
        const first = run.indexes[0];
        if (run.leftOut && !shown.has(first))
          return (
            <p key={first} className="preview-run">
              <button type="button" className="button small" aria-expanded="false" onClick={() => show(first, true)}>
                {leftOutLabel(run.indexes.length)} — show
              </button>
            </p>
          );
        return (
          <div key={first} className={run.leftOut ? "preview-run is-open" : undefined}>
            {run.leftOut && (
              <button type="button" className="button small" aria-expanded="true" onClick={() => show(first, false)}>
                {leftOutLabel(run.indexes.length)} — hide
              </button>
            )}
            {run.indexes.map((index) => (
              <Block key={index} index={index} block={blocks[index]} onKeep={onKeep} />
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

function Block({
  index,
  block,
  onKeep,
}: {
  index: number;
  block: PreviewBlock;
  onKeep: (index: number, kept: boolean) => void;
}) {
  const why = WHY[block.why];
  const id = `preview-block-${index}`;
  const kind = block.type === "heading" ? `Heading ${block.level ?? ""}`.trim() : KIND[block.type];
  return (
    <div className={`preview-block preview-${block.type}${block.kept ? "" : " is-left-out"}`}>
      <input
        id={id}
        type="checkbox"
        checked={block.kept}
        onChange={(event) => onKeep(index, event.target.checked)}
        aria-describedby={`${id}-kind`}
      />
      <label htmlFor={id}>
        <span className="visually-hidden">Keep: </span>
        {block.text}
      </label>
      <span id={`${id}-kind`} className="preview-why">
        {kind}
        {why ? ` · ${why}` : ""}
        {block.kept ? "" : " · left out"}
      </span>
    </div>
  );
}
