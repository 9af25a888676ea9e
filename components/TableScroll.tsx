import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this box on a narrow screen, never the page. Focusable and
 * labelled, so a keyboard user can scroll it too and a screen reader names the region.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
