import { ANNOTATION_KINDS, KIND_LABELS } from "@/lib/domain/annotation";
import { KIND_LETTER } from "./model";
import { ANNOTATION_STATUS_LABELS, STATUS_MARKS } from "./status";

const SHOWN_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"] as const;

const PATTERN: Record<(typeof ANNOTATION_KINDS)[number], string> = {
  CLAIM: "solid underline",
  DENIAL: "dashed underline",
  ANALYSIS: "dotted underline",
};

/** How to read the highlights, and the keys. The key list describes the article text (aria-describedby="wb-keys"). */
export function Legend({ canCreate }: { canCreate: boolean }) {
  return (
    <section className="wb-legend" aria-labelledby="wb-legend-heading">
      <h2 id="wb-legend-heading" className="visually-hidden">
        Legend
      </h2>
      <ul className="wb-legend-kinds">
        {ANNOTATION_KINDS.map((kind) => (
          <li key={kind}>
            <mark
              className={`wb-mark wb-sample wb-${kind.toLowerCase()} wb-depth-1`}
              data-label={KIND_LETTER[kind]}
              style={{ backgroundImage: `var(--wb-line-${kind.toLowerCase()})` }}
            >
              {KIND_LABELS[kind]}
            </mark>
            <span className="visually-hidden">: {PATTERN[kind]}</span>
          </li>
        ))}
        <li className="muted wb-legend-note">
          Overlapping annotations draw darker; the outermost gives the colour, the innermost the underline.
        </li>
      </ul>
      <ul className="wb-legend-statuses" aria-label="Review marks on the labels">
        {SHOWN_STATUSES.map((status) => (
          <li key={status}>
            <span className={`wb-label-sample wb-label-${status.toLowerCase()}`} aria-hidden="true">
              C1{STATUS_MARKS[status] && `\u202f${STATUS_MARKS[status]}`}
            </span>{" "}
            {ANNOTATION_STATUS_LABELS[status].toLowerCase()}
          </li>
        ))}
      </ul>
      <p id="wb-keys" className="wb-keys">
        {canCreate && (
          <span>
            Select text, then <kbd>C</kbd> <kbd>D</kbd> <kbd>A</kbd> to tag it.
          </span>
        )}{" "}
        <span>
          <kbd>J</kbd> <kbd>K</kbd> next / previous annotation, <kbd>Esc</kbd> closes the panel.
        </span>
      </p>
    </section>
  );
}
