import { z } from "zod";
import { withScheme } from "../domain/web-address";

/**
 * http(s) only: `javascript:` and friends are never stored. A bare domain as
 * people type it ("ft.com/…", "www.bbc.co.uk/news/x") gets https:// in front.
 */
export const ZHttpUrl = z
  .string({ error: "is required" })
  .trim()
  .max(2048, "must be at most 2048 characters")
  .transform(withScheme)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, "must be a web address starting with http:// or https://, such as https://www.example.com/story");

/**
 * Optional text: blank or null clears it (null), absent leaves it alone
 * (undefined), which is what a partial update needs.
 */
export const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value || null)
    .optional();

/** A date or date-time (ISO 8601), stored as a Date. */
export const ZDate = z
  .string({ error: "must be a date such as 2026-03-14" })
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
    "must be a date such as 2026-03-14",
  )
  .transform((value) => new Date(value));

/** The largest value of an Int column on PostgreSQL (int4): a larger number in a query fails there, where SQLite would take it. */
export const MAX_INT = 2_147_483_647;

export const ZId = z.string({ error: "is required" }).trim().min(1, "is required").max(64, "is not a valid id");

export const ZPage = z.object({
  page: z.coerce.number({ error: "must be a number" }).int().min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number({ error: "must be a number" }).int().min(1).max(100, "must be at most 100").default(25),
});
