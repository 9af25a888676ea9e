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
