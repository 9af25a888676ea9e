import { z } from "zod";
import { ARTICLE_STATUSES } from "../domain/annotation";
import { languageTag } from "../domain/language";
import { MAX_INT, optionalText, ZDate, ZHttpUrl, ZId, ZPage } from "./common";

/** An article's text over 2 MB is refused by name (422), not truncated: pasted text, or the text extracted from HTML. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A whole saved news page (markup, inline scripts and all) up to 5 MB is taken as `html`; its article must still fit the 2 MB rule. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/**
 * A request carrying an article's body or page: above the 5 MB page plus its JSON escaping (quotes and
 * line breaks), so an oversized field gets 422 naming it, not 413. Under Next's own 10 MB buffer for
 * requests that pass the proxy, which would cut a larger body short rather than refuse it.
 */
export const ARTICLE_REQUEST_LIMIT = 8 * 1024 * 1024;

const body = (field: string, max: number) =>
  z
    .string({ error: "must be text" })
    .refine(
      (value) => Buffer.byteLength(value, "utf8") <= max,
      `must be at most ${max / 1024 / 1024} MB (${field} is larger)`,
    )
    .refine((value) => value.trim().length > 0, "must not be empty");
const textBody = body("text", MAX_BODY_BYTES);
const htmlBody = body("html", MAX_PAGE_BYTES);

/** A BCP 47 language tag (lib/domain/language.ts); blank or null clears it. */
export const ZLanguage = z
  .string({ error: "must be a language tag such as en or pt-BR" })
  .trim()
  .refine((value) => value === "" || languageTag(value) !== null, "must be a language tag such as en or pt-BR")
  .transform((value) => languageTag(value))
  .nullish()
  .transform((value) => value ?? null)
  .optional();

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
    text: textBody.optional(),
    html: htmlBody.optional(),
    sourceUrl: ZHttpUrl.nullish()
      .transform((value) => value ?? null)
      .optional(),
    publisher: optionalText(200),
    author: optionalText(200),
    publishedAt: ZDate.nullish()
      .transform((value) => value ?? null)
      .optional(),
    modifiedAt: ZDate.nullish()
      .transform((value) => value ?? null)
      .optional(),
    language: ZLanguage,
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
    text: textBody.optional(),
    html: htmlBody.optional(),
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

/**
 * What to preview an import from (lib/server/article/preview-article.ts): a web page to fetch, or HTML pasted or
 * uploaded (a whole page up to 5 MB, or a fragment).
 */
export const ZPreviewArticle = z
  .object({ url: ZHttpUrl.optional(), html: htmlBody.optional() })
  .superRefine((value, ctx) => {
    if (value.url === undefined && value.html === undefined)
      ctx.addIssue({ code: "custom", path: ["url"], message: "give the page's web address (url) or its html" });
    if (value.url !== undefined && value.html !== undefined)
      ctx.addIssue({ code: "custom", path: ["html"], message: "give url or html, not both" });
  });

export const ZListArticles = ZPage.extend({
  status: z.enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(", ")}` }).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});
