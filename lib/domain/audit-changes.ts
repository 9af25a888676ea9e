import { KIND_LABELS, VERDICT_SCALE, type AnnotationKind, type Verdict } from "./annotation";
import { oneLine } from "./one-line";

/** One field's value before and after an edit, as the audit payload keeps it: short text, codes, labels. */
export type FieldChange = { from: string | number | null; to: string | number | null };

/** Long text is cut to this many characters in audit payloads: enough to recognise, small to store. */
export const AUDIT_VALUE_LENGTH = 60;

/** Human names for stored field names, in annotations and their sources. */
export const FIELD_NAMES: Record<string, string> = {
  kind: "kind",
  speaker: "speaker",
  note: "note",
  verdict: "verdict",
  rationale: "rationale",
  deniesId: "denied claim",
  sources: "sources",
  quote: "quote",
  start: "position",
  end: "position",
  anchorStatus: "anchor",
  url: "address",
  title: "title",
  publisher: "publisher",
  accessedAt: "accessed",
  archiveUrl: "archive copy",
  position: "order",
};

export const fieldName = (field: string) => FIELD_NAMES[field] ?? field;

/** A value as the audit payload stores it: text on one line and shortened, dates as days, empty as null. */
export function auditValue(value: unknown): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return value;
  return oneLine(String(value), AUDIT_VALUE_LENGTH);
}

/**
 * The fields whose value actually changed, with from → to (shortened), so the
 * audit log says what an edit did without storing whole texts. `display`
 * replaces a value by what a reader knows it as (a denied claim's label).
 */
export function fieldChanges(
  changes: Record<string, unknown>,
  current: Record<string, unknown>,
  display: Partial<Record<string, (value: unknown) => unknown>> = {},
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || sameValue(value, current[field])) continue;
    const shown = display[field] ?? ((v: unknown) => v);
    out[field] = { from: auditValue(shown(current[field])), to: auditValue(shown(value)) };
  }
  return out;
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) || (isEmpty(a) && isEmpty(b));
const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/** "verdict: False → Mostly true", "rationale: “…” → “…”", "denied claim: C1 → C2", "speaker: none → “Ana”". */
export function describeChange(field: string, change: FieldChange, labels?: { from?: unknown; to?: unknown }): string {
  const show = (value: FieldChange["from"], label: unknown) => {
    if (value === null) return "none";
    if (field === "verdict" && typeof value === "string" && value in VERDICT_SCALE)
      return VERDICT_SCALE[value as Verdict].label;
    if (field === "kind" && typeof value === "string" && value in KIND_LABELS)
      return `${KIND_LABELS[value as AnnotationKind]}${typeof label === "string" ? ` ${label}` : ""}`;
    if (field === "deniesId" || typeof value === "number") return String(value);
    return `“${value}”`;
  };
  return `${fieldName(field)}: ${show(change.from, labels?.from)} → ${show(change.to, labels?.to)}`;
}

/** Whether a payload value is a FieldChange (old events carry none). */
export function isFieldChange(value: unknown): value is FieldChange {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}
