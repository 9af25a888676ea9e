/** Shared names of the W3C Web Annotation mapping (docs/export-mapping.md). */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * Our few extension terms (a role on a body, a verdict code, a status) live in
 * their own namespace, declared inline after the Web Annotation context: the
 * model asks that extensions not redefine its terms, and an inline context
 * needs no download. Dublin Core and schema.org terms use the prefixes the
 * Web Annotation context already defines (dcterms:, schema:).
 */
export const FACTMARK_NS = "https://factmark.example/ns/annotation#";
export const W3C_CONTEXT = [ANNO_CONTEXT, { factmark: FACTMARK_NS }] as const;

/** The motivations (and purposes) of the Web Annotation model, section 3.3.5. */
export const MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

/** `factmark:role` values that tell our bodies of the same purpose apart. */
export const ROLE = {
  speaker: "speaker",
  rationale: "rationale",
  denies: "denies",
  publicNote: "publicNote",
  notRated: "notRated",
} as const;
export const ROLE_KEY = "factmark:role";
export const VERDICT_KEY = "factmark:verdict";
export const STATUS_KEY = "factmark:status";

/**
 * On a target: the revision of the article its selectors refer to (docs/export-mapping.md),
 * `{ id: <articleUrl>/revisions/<number>, "factmark:number", "factmark:revisionId" }`,
 * beside a standard TimeState whose sourceDate is when that revision came in.
 */
export const REVISION_KEY = "factmark:revision";
export const REVISION_NUMBER_KEY = "factmark:number";
export const REVISION_ID_KEY = "factmark:revisionId";
/** On a target: what re-anchoring made of it, `{ "factmark:status", "factmark:score", "factmark:previousQuote"? }`. */
export const ANCHOR_KEY = "factmark:anchor";
export const ANCHOR_SCORE_KEY = "factmark:score";
export const PREVIOUS_QUOTE_KEY = "factmark:previousQuote";
