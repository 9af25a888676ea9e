import { ANNO_CONTEXT, MOTIVATIONS } from "./w3c-vocab";

/**
 * A checker for the MUSTs of the W3C Web Annotation Data Model (and the few
 * SHOULDs we hold ourselves to) that a JSON document can break on its own:
 * returns "path: problem" strings, empty when conforming. Pure, so unit and
 * integration tests can run it on any export.
 */
export function checkW3c(document: unknown): string[] {
  const out: string[] = [];
  if (!isObject(document)) return ["$: the document must be a JSON object"];
  checkContext(document["@context"], out);
  const types = asArray(document.type);
  if (types.includes("AnnotationCollection")) checkCollection(document, "$", out);
  else if (types.includes("AnnotationPage")) checkPage(document, "$", out);
  else if (types.includes("Annotation")) checkAnnotation(document, "$", out);
  else out.push('$.type: must be "Annotation", "AnnotationPage" or "AnnotationCollection"');
  return out;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const isIri = (value: unknown): value is string =>
  typeof value === "string" && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const PURPOSES: readonly string[] = MOTIVATIONS;

function checkContext(context: unknown, out: string[]): void {
  if (context === ANNO_CONTEXT) return;
  if (Array.isArray(context) && context.includes(ANNO_CONTEXT)) {
    if (context.length === 1) out.push("$.@context: a single context must be given as a string");
    return;
  }
  out.push(`$.@context: must be or include "${ANNO_CONTEXT}"`);
}

function checkCollection(node: Json, path: string, out: string[]): void {
  if (!isIri(node.id)) out.push(`${path}.id: an AnnotationCollection must have an IRI`);
  if (typeof node.label !== "string") out.push(`${path}.label: should be a string`);
  if (node.total !== undefined && !isCount(node.total)) out.push(`${path}.total: must be a non-negative integer`);
  if (isCount(node.total) && (node.total as number) > 0 && node.first === undefined)
    out.push(`${path}.first: a collection with annotations should give its first page`);
  for (const key of ["first", "last"] as const) {
    const page = node[key];
    if (page === undefined || isIri(page)) continue;
    if (isObject(page)) checkPage(page, `${path}.${key}`, out);
    else out.push(`${path}.${key}: must be an IRI or an AnnotationPage`);
  }
}

function checkPage(node: Json, path: string, out: string[]): void {
  if (!isIri(node.id)) out.push(`${path}.id: an AnnotationPage must have an IRI`);
  if (!asArray(node.type).includes("AnnotationPage")) out.push(`${path}.type: must be "AnnotationPage"`);
  if (node.startIndex !== undefined && !isCount(node.startIndex))
    out.push(`${path}.startIndex: must be a non-negative integer`);
  if (!Array.isArray(node.items) || node.items.length === 0) {
    out.push(`${path}.items: must be a list of one or more annotations`);
    return;
  }
  node.items.forEach((item, i) => {
    if (isObject(item)) checkAnnotation(item, `${path}.items[${i}]`, out);
    else out.push(`${path}.items[${i}]: must be an Annotation object`);
  });
}

function checkAnnotation(node: Json, path: string, out: string[]): void {
  if (!isIri(node.id)) out.push(`${path}.id: an Annotation must have an IRI`);
  if (!asArray(node.type).includes("Annotation")) out.push(`${path}.type: must be "Annotation"`);
  for (const motivation of asArray(node.motivation))
    if (!PURPOSES.includes(motivation as string))
      out.push(`${path}.motivation: "${String(motivation)}" is not a motivation of the model`);
  for (const key of ["created", "modified", "generated"] as const) {
    if (node[key] !== undefined && !(typeof node[key] === "string" && DATE_TIME.test(node[key] as string)))
      out.push(`${path}.${key}: must be an xsd:dateTime with a timezone`);
  }
  for (const creator of asArray(node.creator))
    if (!isIri(creator) && !isObject(creator)) out.push(`${path}.creator: must be an IRI or an object`);
  asArray(node.body).forEach((body, i) => checkResource(body, `${path}.body[${i}]`, out));
  const targets = asArray(node.target);
  if (targets.length === 0) out.push(`${path}.target: an Annotation must have at least one target`);
  targets.forEach((target, i) => checkResource(target, `${path}.target[${i}]`, out));
}

/** A body or target: an IRI, a TextualBody, a SpecificResource or an External Web Resource. */
function checkResource(node: unknown, path: string, out: string[]): void {
  if (isIri(node)) return;
  if (!isObject(node)) {
    out.push(`${path}: must be an IRI or an object`);
    return;
  }
  const types = asArray(node.type);
  for (const purpose of asArray(node.purpose))
    if (!PURPOSES.includes(purpose as string))
      out.push(`${path}.purpose: "${String(purpose)}" is not a motivation of the model`);
  if (types.includes("TextualBody") || node.value !== undefined) {
    if (typeof node.value !== "string") out.push(`${path}.value: a TextualBody must have exactly one string value`);
    return;
  }
  if (types.includes("SpecificResource") || node.source !== undefined) {
    const source = node.source;
    if (!isIri(source) && !(isObject(source) && isIri(source.id)))
      out.push(`${path}.source: a SpecificResource must have exactly one source IRI`);
    asArray(node.selector).forEach((selector, i) => checkSelector(selector, `${path}.selector[${i}]`, out));
    asArray(node.state).forEach((state, i) => checkState(state, `${path}.state[${i}]`, out));
    return;
  }
  if (!isIri(node.id)) out.push(`${path}.id: an External Web Resource must have an IRI`);
}

function checkSelector(selector: unknown, path: string, out: string[]): void {
  if (isIri(selector)) return;
  if (!isObject(selector) || typeof selector.type !== "string") {
    out.push(`${path}: a selector must be an object with a type`);
    return;
  }
  if (selector.type === "TextQuoteSelector") {
    if (typeof selector.exact !== "string")
      out.push(`${path}.exact: a TextQuoteSelector must have exactly one exact string`);
    for (const key of ["prefix", "suffix"] as const)
      if (selector[key] !== undefined && typeof selector[key] !== "string")
        out.push(`${path}.${key}: must be a string`);
  } else if (selector.type === "TextPositionSelector") {
    if (!isCount(selector.start) || !isCount(selector.end))
      out.push(`${path}: a TextPositionSelector must have non-negative integer start and end`);
    else if ((selector.start as number) > (selector.end as number)) out.push(`${path}: start must not be after end`);
  }
}

function checkState(state: unknown, path: string, out: string[]): void {
  if (!isObject(state) || !asArray(state.type).includes("TimeState")) return;
  const hasDate = typeof state.sourceDate === "string";
  const hasRange = typeof state.sourceDateStart === "string" && typeof state.sourceDateEnd === "string";
  if (hasDate === hasRange)
    out.push(`${path}: a TimeState must have either a sourceDate or a sourceDateStart and sourceDateEnd`);
  for (const key of ["sourceDate", "sourceDateStart", "sourceDateEnd"] as const) {
    if (state[key] !== undefined && !(typeof state[key] === "string" && DATE_TIME.test(state[key] as string)))
      out.push(`${path}.${key}: must be an xsd:dateTime with a timezone`);
  }
  for (const cached of asArray(state.cached)) if (!isIri(cached)) out.push(`${path}.cached: must be an IRI`);
}
