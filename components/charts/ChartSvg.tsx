import type { ReactNode } from "react";

/** The drawing of a chart: for the eye only (aria-hidden, never focused); the table beside it carries the numbers. */
export function ChartSvg({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  return (
    <svg
      className="chart-svg"
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      {children}
    </svg>
  );
}
