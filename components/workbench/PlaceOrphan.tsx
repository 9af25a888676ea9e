"use client";

import { useMemo, useState } from "react";
import { suggestPlacement } from "@/lib/anchoring/reanchor";
import type { AnnotationSummary } from "@/lib/views/article-view";
import { mayUpdate } from "./access";
import { excerpt } from "./model";
import type { Span } from "./offsets";
import { placeAnnotation, problem } from "./requests";
import { useWorkbench } from "./state/WorkbenchProvider";

/**
 * Putting an unplaced (ORPHANED) annotation back in the text: on the words the editor selected in the article, or on
 * the place suggestPlacement finds for its old words, which is only ever applied on this click. The request carries
 * the span against the open revision and the version seen (someone else's change meanwhile is a 409).
 */
export function PlaceOrphan({ annotation, selected }: { annotation: AnnotationSummary; selected: Span | null }) {
  const { article, permissions, actor, replace, labels } = useWorkbench();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const text = article.revision.text;
  const suggestion = useMemo(
    () => suggestPlacement(text, { quote: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix }),
    [text, annotation.quote, annotation.prefix, annotation.suffix],
  );
  if (!mayUpdate(permissions, actor, annotation)) return null;
  const label = labels.get(annotation.id) ?? annotation.label;
  const describedBy = `wb-place-hint-${annotation.id}`;

  async function place(span: Span) {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const quote = text.slice(span.start, span.end);
      const placed = await placeAnnotation(annotation.id, {
        start: span.start,
        end: span.end,
        quote,
        version: annotation.version,
      });
      window.getSelection()?.removeAllRanges();
      replace(placed, `${label} placed on “${excerpt(quote, 60)}”`);
    } catch (failure) {
      setError(`Could not place ${label}: ${problem(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wb-place">
      <button
        type="button"
        className="button small"
        aria-disabled={!selected || busy}
        aria-describedby={describedBy}
        onClick={() => (selected ? void place(selected) : setError("Select the words in the article first."))}
      >
        Place on selected words
      </button>
      {suggestion && (
        <button type="button" className="button small" disabled={busy} onClick={() => void place(suggestion)}>
          Place on suggestion: “{excerpt(text.slice(suggestion.start, suggestion.end), 60)}”
        </button>
      )}
      <span id={describedBy} className="visually-hidden">
        {selected
          ? `Selected in the article: “${excerpt(text.slice(selected.start, selected.end), 80)}”`
          : "Select the words in the article first, with the mouse or Shift and the arrow keys."}
      </span>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
