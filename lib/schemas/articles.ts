import { z } from "zod";
import { ARTICLE_STATUSES } from "../domain/annotation";
import { optionalText, ZDate, ZHttpUrl, ZPage } from "./common";

/** A body over 2 MB of text is refused by name (422), not truncated. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const body = (field: string) =>
  z
    .string({ error: "must be text" })
    .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_BODY_BYTES, `must be at most 2 MB (${field} is larger)`)
    .refine((value) => value.trim().length > 0, "must not be empty");

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
  .superRefine((value, ctx) => {
    if (value.text === undefined && value.html === undefined)
      ctx.addIssue({ code: "custom", path: ["text"], message: "give the article's body as text or html" });
    if (value.text !== undefined && value.html !== undefined)
      ctx.addIssue({ code: "custom", path: ["html"], message: "give text or html, not both" });
  });
export type TCreateArticle = z.infer<typeof ZCreateArticle>;

/**
 * What may change on an article after import: its public address (absolute
 * http(s); null goes back to FACTMARK_PUBLIC_URL + the article id).
 */
export const ZUpdateArticle = z.object({ publicUrl: ZHttpUrl.nullable() }).strict();

/** A web page to fetch an article from (lib/server/article/fetch-article.ts). */
export const ZFetchArticle = z.object({ url: ZHttpUrl });

export const ZListArticles = ZPage.extend({
  status: z.enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(", ")}` }).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});
