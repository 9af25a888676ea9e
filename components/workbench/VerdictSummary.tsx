import { memo } from "react";
import { ANNOTATION_KINDS, VERDICT_SCALE, type AnnotationKind, type Verdict } from "@/lib/domain/annotation";
import { KIND_LETTER, kindCounts, percentages, plural, verdictBreakdown } from "./model";

const KIND_PLURALS: Record<AnnotationKind, [string, string]> = {
  CLAIM: ["claim", "claims"],
  DENIAL: ["denial", "denials"],
  ANALYSIS: ["analysis", "analyses"],
};

const verdictName = (verdict: Verdict | null) => (verdict ? VERDICT_SCALE[verdict].label : "Not rated yet");
const verdictClass = (verdict: Verdict | null) => `wb-v-${(verdict ?? "unrated").toLowerCase().replace(/_/g, "-")}`;

/**
 * Counts per kind and a stacked bar of verdicts. The bar is one image to
 * assistive technology (its label says it all); the key beside it repeats
 * every label and count in text, so nothing depends on colour. Memoized: opening an annotation re-renders the
 * workbench, and over a long article's 2,000 annotations these counts were a sixth of a click's work (issue #14).
 */
export const VerdictSummary = memo(function VerdictSummary({
  annotations,
}: {
  annotations: { kind: AnnotationKind; verdict: Verdict | null }[];
}) {
  const counts = kindCounts(annotations);
  const rows = verdictBreakdown(annotations);
  const widths = percentages(rows.map((row) => row.count));
  const rated = counts.CLAIM + counts.DENIAL;
  const description = rows.map((row) => `${row.count} ${verdictName(row.verdict).toLowerCase()}`).join(", ");
  return (
    <section className="wb-summary" aria-labelledby="wb-summary-heading">
      <h2 id="wb-summary-heading" className="visually-hidden">
        Summary
      </h2>
      <p className="wb-counts" data-testid="kind-counts">
        {annotations.length === 0 ? (
          <span className="muted">No annotations yet</span>
        ) : (
          ANNOTATION_KINDS.map((kind) => (
            <span key={kind} className="wb-count">
              <span className={`wb-chip wb-chip-${kind.toLowerCase()}`} aria-hidden="true">
                {KIND_LETTER[kind]}
              </span>
              <strong>{counts[kind]}</strong> {counts[kind] === 1 ? KIND_PLURALS[kind][0] : KIND_PLURALS[kind][1]}
            </span>
          ))
        )}
      </p>
      <div className={`wb-verdicts${rated === 0 ? " is-empty" : ""}`}>
        <h3 className="wb-verdicts-title">
          Verdicts
          {rated > 0 && <span className="muted"> of {plural(rated, "claim or denial", "claims and denials")}</span>}
        </h3>
        {rated === 0 ? (
          // A sentence of its own under the heading (it used to run on from "Verdicts").
          <p className="wb-bar wb-bar-empty muted">There are no claims or denials to rate yet.</p>
        ) : (
          <>
            <div className="wb-bar" role="img" aria-label={`Verdicts: ${description}.`}>
              {rows.map((row, index) => (
                <span
                  key={row.verdict ?? "unrated"}
                  className={`wb-bar-part ${verdictClass(row.verdict)}`}
                  style={{ width: `${widths[index]}%` }}
                  title={`${verdictName(row.verdict)}: ${row.count}`}
                />
              ))}
            </div>
            <ul className="wb-bar-key" aria-label="Verdict counts">
              {rows.map((row) => (
                <li key={row.verdict ?? "unrated"}>
                  <span className={`wb-swatch ${verdictClass(row.verdict)}`} aria-hidden="true" />
                  {verdictName(row.verdict)} <strong>{row.count}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
});
