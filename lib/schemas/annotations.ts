import { z } from "zod";
import { ANNOTATION_KINDS, VERDICTS } from "../domain/annotation";
import { optionalText, ZDate, ZHttpUrl, ZId } from "./common";

export const MAX_SOURCES = 50;
/** A remark for readers is a sentence or two beside the verdict, not an essay. */
export const MAX_PUBLIC_NOTE = 2000;

export const ZSource = z.object({
  url: ZHttpUrl,
  title: optionalText(300),
  publisher: optionalText(200),
  quote: optionalText(5000),
  accessedAt: ZDate.nullish()
    .transform((value) => value ?? null)
    .optional(),
  archiveUrl: ZHttpUrl.nullish()
    .transform((value) => value ?? null)
    .optional(),
});
export type TSource = z.infer<typeof ZSource>;

/** The annotation's version the client last saw: a source change made over someone else's newer one is refused (409). */
const seenVersion = z
  .number({ error: "must be a number: the annotation's version you last saw" })
  .int("must be a whole number")
  .optional();

export const ZAddSource = ZSource.extend({ version: seenVersion });

export const ZUpdateSource = ZSource.partial().extend({
  /** Move the source to this place in the annotation's list (0-based). */
  position: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .optional(),
  version: seenVersion,
});

const kind = z.enum(ANNOTATION_KINDS, { error: `must be one of ${ANNOTATION_KINDS.join(", ")}` });
const verdict = z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(", ")}` }).nullish();
const offset = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more");

const annotationFields = {
  speaker: optionalText(200),
  /** The speaker record a suggestion picked (GET /api/v1/speakers); without it the name's key finds or makes one. */
  speakerId: ZId.nullish(),
  note: z.string({ error: "must be text" }).max(10_000, "must be at most 10000 characters").optional(),
  /** Printed beside the verdict in the reader-facing HTML export; the note never is. */
  publicNote: optionalText(MAX_PUBLIC_NOTE),
  verdict,
  /** "Not rated" on purpose, and why: instead of a verdict (never both), so that sign-off accepts it (#13). */
  notRatedReason: optionalText(1000),
  rationale: optionalText(10_000),
  deniesId: ZId.nullish(),
  sources: z.array(ZSource).max(MAX_SOURCES, `must have at most ${MAX_SOURCES} sources`).optional(),
};

export const ZCreateAnnotation = z
  .object({
    kind,
    start: offset,
    end: offset,
    quote: z.string({ error: "must be text" }).optional(),
    ...annotationFields,
  })
  .superRefine((value, ctx) => {
    if (value.end <= value.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be greater than start" });
    checkKindFields(value, ctx);
  });
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;

/** Partial update; `version` is the one the client last saw (no lost writes). `sources`, when given, replaces the list. */
export const ZUpdateAnnotation = z
  .object({
    version: z.number({ error: "is required: the version you last saw" }).int(),
    kind: kind.optional(),
    /**
     * A new span on the article's current revision (both ends; `quote`, when sent, must match there): how an
     * editor re-selects the words, and places an orphan after a revision (it is then on the current revision).
     */
    start: offset.optional(),
    end: offset.optional(),
    quote: z.string({ error: "must be text" }).optional(),
    ...annotationFields,
    /** The earlier claim or denial this one reused ("Checked before", decision 030); null unlinks it. */
    basedOnId: ZId.nullish(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.start === undefined) !== (value.end === undefined))
      ctx.addIssue({
        code: "custom",
        path: [value.start === undefined ? "start" : "end"],
        message: "give both start and end for a new span",
      });
    else if (value.start !== undefined && value.end! <= value.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be greater than start" });
    if (value.quote !== undefined && value.start === undefined)
      ctx.addIssue({ code: "custom", path: ["quote"], message: "is checked against a new span: send start and end" });
  });
export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

/** Used on create, and on update against the merged result. */
export function checkKindFields(
  value: {
    kind?: string;
    verdict?: string | null;
    notRatedReason?: string | null;
    deniesId?: string | null;
    rationale?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  const problem = ratingProblem(value);
  if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  if (value.kind !== "DENIAL" && value.deniesId)
    ctx.addIssue({ code: "custom", path: ["deniesId"], message: "only a denial can deny a claim" });
}

/**
 * A verdict and a "not rated" reason exclude each other, and an analysis takes
 * neither: the field to name and why, or null. Create and update both use it.
 */
export function ratingProblem({
  kind,
  verdict,
  notRatedReason,
}: {
  kind?: string;
  verdict?: string | null;
  notRatedReason?: string | null;
}): { field: "verdict" | "notRatedReason"; message: string } | null {
  if (kind === "ANALYSIS" && verdict)
    return {
      field: "verdict",
      message: "an analysis takes no verdict (only claims and denials do); send verdict: null",
    };
  if (kind === "ANALYSIS" && notRatedReason)
    return {
      field: "notRatedReason",
      message: "an analysis is never rated, so it takes no not-rated reason; send notRatedReason: null",
    };
  if (verdict && notRatedReason)
    return {
      field: "notRatedReason",
      message:
        "a claim with a verdict cannot also be marked not rated: send notRatedReason: null with the verdict, or verdict: null with the reason",
    };
  return null;
}
