import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "../domain/comment";

export { MAX_COMMENT_LENGTH };

/** Trimmed, so a comment of only spaces or newlines is refused as empty. */
const body = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`);

export const ZCreateComment = z.object({ body });
export type TCreateComment = z.infer<typeof ZCreateComment>;

/** The new text and the version the client last saw (no lost writes, even between one author's two tabs). */
export const ZUpdateComment = z
  .object({ body, version: z.number({ error: "is required: the version you last saw" }).int("must be a whole number") })
  .strict();
export type TUpdateComment = z.infer<typeof ZUpdateComment>;
