"use client";

import { useState } from "react";
import type { DiffPart } from "./diff-parts";

/**
 * The diff as text: inserted words in <ins> (underlined), deleted ones in <del> (struck through), each with words
 * for screen readers; long unchanged stretches folded behind a button that shows them. The region takes focus so
 * the keyboard can scroll it.
 */
export function DiffText({ parts, label }: { parts: DiffPart[]; label: string }) {
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="rev-diff" role="region" aria-label={label} tabIndex={0} data-testid="revision-diff">
      {parts.map((part, index) => {
        if (part.kind === "insert" || part.kind === "delete") {
          const Tag = part.kind === "insert" ? "ins" : "del";
          return (
            <Tag key={index}>
              <span className="visually-hidden">[{part.kind === "insert" ? "inserted" : "deleted"}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </Tag>
          );
        }
        if (part.kind === "skip" && !shown.has(index))
          return (
            <button
              key={index}
              type="button"
              className="button small link rev-skip"
              onClick={() => setShown(new Set(shown).add(index))}
            >
              … {part.text.length.toLocaleString("en")} unchanged characters (show them) …
            </button>
          );
        return <span key={index}>{part.text}</span>;
      })}
    </div>
  );
}
