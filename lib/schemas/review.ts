import { z } from "zod";

const note = (max: number) => z.string({ error: "must be text" }).trim().max(max, `must be at most ${max} characters`);

export const ZSubmit = z.object({ version: z.number({ error: "must be a number" }).int().optional() });

export const ZReview = z
  .object({
    decision: z.enum(["APPROVE", "REQUEST_CHANGES"], { error: "must be APPROVE or REQUEST_CHANGES" }),
    note: note(5000).optional(),
    /** The version the reviewer read: approving something that changed since is refused. */
    version: z.number({ error: "must be a number" }).int().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "REQUEST_CHANGES" && !value.note) ctx.addIssue({ code: "custom", path: ["note"], message: "is required when requesting changes: say what to fix" });
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
  page: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").max(200, "must be at most 200").default(50),
});
