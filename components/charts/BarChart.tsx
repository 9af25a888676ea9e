import Link from "next/link";
import { ChartSvg } from "./ChartSvg";
import { niceMax, scaled } from "@/lib/domain/chart-scale";

export type Bar = { key: string; label: string; value: number; href?: string; className?: string };

const WIDTH = 320;
const LABEL = 130;
const ROW = 22;

/**
 * A small horizontal bar chart and the table it is drawn from. The SVG is
 * decoration for sighted readers (aria-hidden); the table, with its caption,
 * is what assistive technology reads and what anyone can copy the numbers from.
 */
export function BarChart({
  caption,
  bars,
  labelHeader,
  valueHeader,
}: {
  caption: string;
  bars: Bar[];
  labelHeader: string;
  valueHeader: string;
}) {
  const top = niceMax(Math.max(0, ...bars.map((bar) => bar.value)));
  const span = WIDTH - LABEL - 40;
  return (
    <figure className="chart">
      {bars.length > 0 && (
        <ChartSvg width={WIDTH} height={bars.length * ROW}>
          {bars.map((bar, i) => (
            <g key={bar.key} transform={`translate(0 ${i * ROW})`}>
              <text className="chart-label" x={LABEL - 6} y={ROW / 2} dominantBaseline="middle" textAnchor="end">
                {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
              </text>
              <rect
                className={`chart-bar ${bar.className ?? ""}`}
                x={LABEL}
                y={3}
                width={scaled(bar.value, top, span)}
                height={ROW - 6}
              />
              <text
                className="chart-value"
                x={LABEL + scaled(bar.value, top, span) + 4}
                y={ROW / 2}
                dominantBaseline="middle"
              >
                {bar.value}
              </text>
            </g>
          ))}
        </ChartSvg>
      )}
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bars.length === 0 && (
            <tr>
              <td colSpan={2}>Nothing yet</td>
            </tr>
          )}
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.href ? <Link href={bar.href}>{bar.label}</Link> : bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
