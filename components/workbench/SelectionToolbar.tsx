"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { ANNOTATION_KINDS, KIND_LABELS, type AnnotationKind } from "@/lib/domain/annotation";
import { KIND_LETTER } from "./model";

/** Where the selection ends (or starts, for a backward one), in the stage's coordinates. */
export type ToolbarAnchor = { x: number; y: number; above: boolean; width: number };

const GAP = 8;

/**
 * Three buttons beside the selection. Pressing them must not move the
 * selection: mousedown is cancelled, so the text stays selected while tagging.
 */
export function SelectionToolbar({
  anchor,
  creating,
  onTag,
}: {
  anchor: ToolbarAnchor;
  creating: AnnotationKind | null;
  onTag: (kind: AnnotationKind) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box)
      setSize((previous) =>
        previous?.width === box.width && previous.height === box.height
          ? previous
          : { width: box.width, height: box.height },
      );
  }, [creating]);

  const width = size?.width ?? 0;
  const left = Math.max(0, Math.min(anchor.x - width / 2, anchor.width - width));
  const top = anchor.above ? anchor.y - (size?.height ?? 0) - GAP : anchor.y + GAP;
  return (
    <div
      ref={ref}
      className="wb-toolbar"
      role="toolbar"
      aria-label="Tag the selected text"
      style={{ left, top, visibility: size ? "visible" : "hidden" }}
      onMouseDown={(event) => event.preventDefault()}
    >
      {creating ? (
        <span className="wb-toolbar-busy" aria-live="polite">
          Adding {KIND_LABELS[creating].toLowerCase()}…
        </span>
      ) : (
        ANNOTATION_KINDS.map((kind) => {
          const key = KIND_LETTER[kind].toLowerCase();
          return (
            <button
              key={kind}
              type="button"
              className={`wb-tool wb-tool-${kind.toLowerCase()}`}
              aria-label={`${KIND_LABELS[kind]} (${key})`}
              aria-keyshortcuts={key}
              onClick={() => onTag(kind)}
            >
              <span className="wb-tool-swatch" aria-hidden="true">
                {KIND_LETTER[kind]}
              </span>
              {KIND_LABELS[kind]}
              <kbd aria-hidden="true">{key}</kbd>
            </button>
          );
        })
      )}
    </div>
  );
}
