import { ChartSvg } from "./ChartSvg";
import { niceMax, stack } from "@/lib/domain/chart-scale";
import { TableScroll } from "../TableScroll";

export type Series = { key: string; label: string };
export type Column = { key: string; label: string; values: Record<string, number | undefined> };

const HEIGHT = 120;
const AXIS = 18;

/**
 * Columns over time (months, weeks), each stacked by series (verdicts), and
 * the table behind them: one row per column, one cell per series that has any
 * count. The SVG is aria-hidden; the table carries the numbers.
 */
export function StackedColumns({
  caption,
  columns,
  series,
  columnHeader,
}: {
  caption: string;
  columns: Column[];
  series: Series[];
  columnHeader: string;
}) {
  const shown = series.filter((one) => columns.some((column) => (column.values[one.key] ?? 0) > 0));
  const totals = columns.map((column) => shown.reduce((sum, one) => sum + (column.values[one.key] ?? 0), 0));
  const top = niceMax(Math.max(0, ...totals));
  const step = Math.max(14, Math.min(40, Math.floor(480 / Math.max(columns.length, 1))));
  const width = Math.max(columns.length * step, 120);
  return (
    <figure className="chart">
      {columns.length > 0 && (
        <ChartSvg width={width} height={HEIGHT + AXIS}>
          {columns.map((column, i) => {
            const segments = stack(
              shown.map((one) => column.values[one.key] ?? 0),
              top,
              HEIGHT,
            );
            return (
              <g key={column.key} transform={`translate(${i * step} 0)`}>
                {segments.map((segment, s) =>
                  segment.length > 0 ? (
                    <rect
                      key={shown[s].key}
                      className={`chart-bar chart-s-${shown[s].key}`}
                      x={2}
                      width={step - 4}
                      y={HEIGHT - segment.start - segment.length}
                      height={segment.length}
                    />
                  ) : null,
                )}
                <text className="chart-tick" x={step / 2} y={HEIGHT + AXIS - 4} textAnchor="middle">
                  {i === 0 || i === columns.length - 1 || columns.length <= 6 ? column.label : ""}
                </text>
              </g>
            );
          })}
        </ChartSvg>
      )}
      {shown.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {shown.map((one) => (
            <li key={one.key}>
              <svg width="10" height="10" focusable="false">
                <rect className={`chart-bar chart-s-${one.key}`} width="10" height="10" />
              </svg>
              {one.label}
            </li>
          ))}
        </ul>
      )}
      {/* A column per verdict: on a phone the table scrolls in its box, never the page. */}
      <TableScroll label={caption}>
        <table className="chart-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{columnHeader}</th>
              {shown.map((one) => (
                <th key={one.key} scope="col">
                  {one.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {columns.length === 0 && (
              <tr>
                <td colSpan={shown.length + 2}>Nothing yet</td>
              </tr>
            )}
            {columns.map((column, i) => (
              <tr key={column.key}>
                <th scope="row">{column.label}</th>
                {shown.map((one) => (
                  <td key={one.key}>{column.values[one.key] ?? 0}</td>
                ))}
                <td>{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
