import { z } from "zod";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, VERDICTS } from "../domain/annotation";
import { SEARCH_MAX_PAGE, SEARCH_MAX_QUERY } from "../domain/search-query";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional();

/** An empty field of the search form (`?kind=`) means "any", as if it were absent. */
const blankIsAbsent = (value: unknown) => (value === "" ? undefined : value);

/** `from`/`to`: a day (2026-03-14, UTC) or an ISO 8601 date-time; `to` as a day includes that whole day. */
const day = z
  .string()
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
    "must be a date such as 2026-03-14",
  );

const isDayOnly = (value: string) => value.length === 10;

/** GET /api/v1/search and /search: the words, the facet filters, the page. */
export const ZSearchQuery = z
  .object({
    q: z
      .string({ error: "must be text" })
      .max(SEARCH_MAX_QUERY, `must be at most ${SEARCH_MAX_QUERY} characters`)
      .default(""),
    kind: z.preprocess(blankIsAbsent, oneOf(ANNOTATION_KINDS)),
    verdict: z.preprocess(blankIsAbsent, oneOf(VERDICTS)),
    status: z.preprocess(blankIsAbsent, oneOf(ANNOTATION_STATUSES)),
    speaker: z.preprocess(
      blankIsAbsent,
      z.string({ error: "must be text" }).trim().min(1).max(200, "must be at most 200 characters").optional(),
    ),
    from: z.preprocess(blankIsAbsent, day.optional()),
    to: z.preprocess(blankIsAbsent, day.optional()),
    page: z.preprocess(
      blankIsAbsent,
      z.coerce
        .number({ error: "must be a number" })
        .int("must be a whole number")
        .min(1, "must be 1 or more")
        .max(SEARCH_MAX_PAGE, `must be at most ${SEARCH_MAX_PAGE}`)
        .default(1),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && Date.parse(value.from) > Date.parse(value.to))
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  })
  .transform(({ from, to, ...rest }) => ({
    ...rest,
    from: from ? new Date(from) : undefined,
    // A day as `to` means up to the end of that day: the bound is the next midnight, exclusive.
    toBefore: to ? new Date(isDayOnly(to) ? Date.parse(to) + 86_400_000 : Date.parse(to) + 1) : undefined,
  }));
export type TSearchQuery = z.infer<typeof ZSearchQuery>;
