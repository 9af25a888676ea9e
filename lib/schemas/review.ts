import { z } from "zod";

const note = (max: number) => z.string({ error: "must be text" }).trim().max(max, `must be at most ${max} characters`);

export const ZSubmit = z.object({ version: z.number({ error: "must be a number" }).int().optional() });

const reviewFields = {
  decision: z.enum(["APPROVE", "REQUEST_CHANGES"], { error: "must be APPROVE or REQUEST_CHANGES" }),
  note: note(5000).optional(),
  /** The version the reviewer read: approving something that changed since is refused. */
  version: z.number({ error: "must be a number" }).int().optional(),
};

const noteWhenSendingBack = (value: { decision: string; note?: string }, ctx: z.RefinementCtx) => {
  if (value.decision === "REQUEST_CHANGES" && !value.note)
    ctx.addIssue({ code: "custom", path: ["note"], message: "is required when requesting changes: say what to fix" });
};

export const ZReview = z.object(reviewFields).superRefine(noteWhenSendingBack);

/** The most annotations one batch request handles: a bound on the work (and on one transaction) per request. */
export const MAX_BATCH = 200;

const annotationId = z
  .string({ error: "must be an annotation id" })
  .min(1, "must be an annotation id")
  .max(64, "must be an annotation id");

export const ZReviewBatch = z.object({
  decisions: z
    .array(z.object({ annotationId, ...reviewFields }).superRefine(noteWhenSendingBack), {
      error: "must be a list of decisions",
    })
    .min(1, "must hold at least one decision")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} decisions: send the rest in another request`),
});

/** `{}`: all the caller's drafts on the article; `{ ids }`: these annotations (drafts or sent back), whoever wrote them, if the caller may edit them. */
export const ZSubmitDrafts = z.object({
  ids: z
    .array(annotationId, { error: "must be a list of annotation ids" })
    .min(1, "must hold at least one id")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} ids: send the rest in another request`)
    .optional(),
});

export const ZSignOff = z.object({ note: note(5000).optional() });

export const ZReopen = z.object({ note: note(5000).min(1, "is required: say why the article is reopened") });

export const ZAuditQuery = z.object({
  page: z.coerce.number({ error: "must be a number" }).int().min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number({ error: "must be a number" }).int().min(1).max(200, "must be at most 200").default(50),
  annotationId: z.string().trim().min(1).max(64).optional(),
});

/** The review queue, a page at a time: 659 waiting must not mean only the oldest 200 are ever seen. */
export const ZReviewQueueQuery = z.object({
  page: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .default(1),
  pageSize: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(200, "must be at most 200")
    .default(50),
});
