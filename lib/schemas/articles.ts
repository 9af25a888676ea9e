import { z } from "zod";
import { ARTICLE_STATUSES } from "../domain/annotation";
import { MAX_INT, optionalText, ZDate, ZHttpUrl, ZId, ZPage } from "./common";

/** A body over 2 MB of text is refused by name (422), not truncated. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A request carrying an article's body: larger than the 2 MB rule, so an oversized body gets 422 naming the field, not 413. */
export const ARTICLE_REQUEST_LIMIT = 8 * 1024 * 1024;

const body = (field: string) =>
  z
    .string({ error: "must be text" })
    .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_BODY_BYTES, `must be at most 2 MB (${field} is larger)`)
    .refine((value) => value.trim().length > 0, "must not be empty");

/** Exactly one of text and html: the article's body as pasted, uploaded or fetched. */
function oneBody(value: { text?: string; html?: string }, ctx: z.RefinementCtx) {
  if (value.text === undefined && value.html === undefined)
    ctx.addIssue({ code: "custom", path: ["text"], message: "give the article's body as text or html" });
  if (value.text !== undefined && value.html !== undefined)
    ctx.addIssue({ code: "custom", path: ["html"], message: "give text or html, not both" });
}

export const ZCreateArticle = z
  .object({
    title: z
      .string({ error: "is required" })
      .trim()
      .min(1, "must not be empty")
      .max(300, "must be at most 300 characters"),
    text: body("text").optional(),
    html: body("html").optional(),
    sourceUrl: ZHttpUrl.nullish()
      .transform((value) => value ?? null)
      .optional(),
    publisher: optionalText(200),
    author: optionalText(200),
    publishedAt: ZDate.nullish()
      .transform((value) => value ?? null)
      .optional(),
  })
  .superRefine(oneBody);
export type TCreateArticle = z.infer<typeof ZCreateArticle>;

/** A revision's note is a line in the corrections log ("correction appended at 14:00"), not a story. */
export const MAX_REVISION_NOTE = 500;

/**
 * A new revision of an article (lib/server/article/add-revision.ts): its body as
 * the import takes it, why it changed, and the revision the sender saw
 * (`baseRevisionId`: when another came in meanwhile, 409 rather than a silent
 * revision of a text they did not read).
 */
export const ZAddRevision = z
  .object({
    text: body("text").optional(),
    html: body("html").optional(),
    note: optionalText(MAX_REVISION_NOTE).refine(
      (value) => !value || !/[\r\n]/.test(value),
      "must be one line (it is a line of the corrections log)",
    ),
    baseRevisionId: ZId.optional(),
  })
  .strict()
  .superRefine(oneBody);
export type TAddRevision = z.infer<typeof ZAddRevision>;

/**
 * What may change on an article after import: its public address (absolute
 * http(s); null goes back to FACTMARK_PUBLIC_URL + the article id).
 */
export const ZUpdateArticle = z.object({ publicUrl: ZHttpUrl.nullable() }).strict();

const revisionNumber = z.coerce
  .number({ error: "must be a revision number" })
  .int("must be a whole number")
  .min(1, "must be 1 or more")
  .max(MAX_INT, "is not a revision of this article");

/** Two revisions of one article by number, to compare (GET …/revisions/diff?from=1&to=2). */
export const ZRevisionDiffQuery = z.object({ from: revisionNumber, to: revisionNumber });

/** A web page to fetch an article from (lib/server/article/fetch-article.ts). */
export const ZFetchArticle = z.object({ url: ZHttpUrl });

export const ZListArticles = ZPage.extend({
  status: z.enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(", ")}` }).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});
