import { z } from "zod";
import { CHECKED_BEFORE_TEXT } from "../domain/checked-before-text";

/** `GET /api/v1/claims/similar` query: the claim's text, how many, and the article to leave out. */
export const ZSimilarClaimsQuery = z.object({
  text: z
    .string({ error: "must be text" })
    .trim()
    .min(CHECKED_BEFORE_TEXT.min, `must be at least ${CHECKED_BEFORE_TEXT.min} characters`)
    .max(CHECKED_BEFORE_TEXT.max, `must be at most ${CHECKED_BEFORE_TEXT.max} characters`),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(20, "must be at most 20")
    .default(5),
  excludeArticleId: z.string({ error: "must be an article id" }).min(1).max(64, "must be an article id").optional(),
});
