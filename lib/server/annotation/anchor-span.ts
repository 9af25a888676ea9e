import { quoteAt, type TextQuote } from "../../anchoring/selector";
import { AppError, type FieldIssue } from "../shared/errors";

/**
 * Checks a span against the revision text and returns its quote and context.
 * Offsets are UTF-16 code units; a `quote`, when sent, must equal the text there
 * (it catches a client anchoring against a stale or different text).
 */
export function anchorSpan(text: string, start: number, end: number, quote?: string): TextQuote {
  const fields: FieldIssue[] = [];
  if (start >= text.length)
    fields.push({ path: "start", message: `must be less than the text length (${text.length})` });
  if (end > text.length) fields.push({ path: "end", message: `must be at most the text length (${text.length})` });
  if (end <= start) fields.push({ path: "end", message: "must be greater than start" });
  if (fields.length)
    throw new AppError("INVALID", fields.map((field) => `${field.path}: ${field.message}`).join("; "), { fields });
  const anchored = quoteAt(text, start, end);
  if (quote !== undefined && quote !== anchored.quote) {
    throw new AppError("INVALID", "quote: does not match the article text at start..end", {
      fields: [{ path: "quote", message: "does not match the article text at start..end" }],
    });
  }
  return anchored;
}
