import { z } from "zod";
import {
  ANCHOR_STATUSES,
  ANNOTATION_STATUSES,
  VERDICTS,
  type AnchorStatus,
  type AnnotationKind,
  type AnnotationStatus,
  type Verdict,
} from "../domain/annotation";
import { isHttpUrl } from "./model";
import {
  ANCHOR_KEY,
  ANCHOR_SCORE_KEY,
  MOTIVATIONS,
  PREVIOUS_QUOTE_KEY,
  REVISION_ID_KEY,
  REVISION_KEY,
  REVISION_NUMBER_KEY,
  ROLE,
  ROLE_KEY,
  STATUS_KEY,
  VERDICT_KEY,
} from "./w3c-vocab";

export type ParsedSource = {
  url: string;
  title: string | null;
  publisher: string | null;
  quote: string | null;
  accessedAt: string | null;
  archiveUrl: string | null;
};

export type ParsedAnnotation = {
  /** Position of the annotation in the document (0-based, across pages). */
  index: number;
  /** The annotation's IRI, when it has one. */
  id: string | null;
  kind: AnnotationKind;
  speaker: string | null;
  note: string;
  /** The remark for readers (a describing body with our publicNote role). */
  publicNote: string | null;
  /** Why a claim or denial is not rated (an assessing body with our notRated role); never with a verdict. */
  notRatedReason: string | null;
  verdict: Verdict | null;
  rationale: string | null;
  /** IRI of the claim a denial denies (ours: <articleUrl>/annotations/<id>). */
  deniesId: string | null;
  sources: ParsedSource[];
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** The target's source IRI (the annotated page). */
  targetSource: string | null;
  /** The revision the selectors refer to (our `factmark:revision` on the target), when named. */
  revision: ParsedRevision | null;
  /** What re-anchoring had made of it (our `factmark:anchor` on the target), when given. */
  anchor: ParsedAnchor | null;
  status: AnnotationStatus | null;
  creator: string | null;
  created: string | null;
  modified: string | null;
  /** What was kept out and why: nothing is dropped silently. */
  warnings: string[];
};

export type ParsedRevision = { iri: string | null; number: number | null; id: string | null };
export type ParsedAnchor = { status: AnchorStatus; score: number; previousQuote: string | null };

export type Rejection = { index: number; id?: string; reason: string };
export type ParseResult = { annotations: ParsedAnnotation[]; rejected: Rejection[] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** Type names without prefix or namespace: "oa:Annotation" and the full IRI both read "Annotation". */
function typesOf(node: Json): string[] {
  return asArray(node.type ?? node["@type"])
    .filter((type): type is string => typeof type === "string")
    .map((type) => type.slice(Math.max(type.lastIndexOf("#"), type.lastIndexOf(":"), type.lastIndexOf("/")) + 1));
}

const ZIri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/, "must be an absolute IRI");
const ZAnnotation = z.looseObject({
  id: ZIri.optional(),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  bodyValue: z.string().optional(),
  target: z.unknown().refine((value) => asArray(value).length > 0, "an annotation needs at least one target"),
  created: z.string().optional(),
  modified: z.string().optional(),
});
const ZQuoteSelector = z.looseObject({
  exact: z.string().min(1, "exact must not be empty"),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const ZPositionSelector = z
  .looseObject({ start: z.int().nonnegative(), end: z.int().nonnegative() })
  .refine((selector) => selector.start < selector.end, "start must be less than end");
const ZTextualBody = z.looseObject({ value: z.string() });

const issues = (error: z.ZodError) =>
  error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");

/**
 * Reads W3C Web Annotation JSON (ours or anyone's): an AnnotationCollection
 * with embedded pages, an AnnotationPage, an array of Annotations or one
 * Annotation. Entries that cannot become an annotation are rejected with a
 * reason; parts of an annotation that are kept out become its warnings.
 */
export function parseW3c(document: unknown): ParseResult {
  const result: ParseResult = { annotations: [], rejected: [] };
  const candidates = collect(document, result.rejected);
  candidates.forEach((candidate, index) => {
    const parsed = parseAnnotation(candidate, index);
    if ("reason" in parsed) result.rejected.push(parsed);
    else result.annotations.push(parsed);
  });
  return result;
}

function collect(document: unknown, rejected: Rejection[]): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) {
    rejected.push({ index: 0, reason: "the document is not a JSON object or array" });
    return [];
  }
  const types = typesOf(document);
  if (types.includes("Annotation")) return [document];
  if (types.includes("AnnotationPage") || types.includes("OrderedCollectionPage")) return pageItems(document, rejected);
  if (types.includes("AnnotationCollection") || types.includes("OrderedCollection")) {
    if (Array.isArray(document.items)) return document.items;
    const items: unknown[] = [];
    let page = document.first;
    for (let pages = 0; page !== undefined && pages < 10_000; pages++) {
      if (!isObject(page)) {
        rejected.push({
          index: items.length,
          reason: `the collection's page ${typeof page === "string" ? `${page} ` : ""}is not embedded: fetch it and parse it on its own`,
        });
        break;
      }
      items.push(...pageItems(page, rejected));
      page = page.next;
    }
    return items;
  }
  rejected.push({
    index: 0,
    reason: "expected an Annotation, an array of Annotations, an AnnotationPage or an AnnotationCollection",
  });
  return [];
}

function pageItems(page: Json, rejected: Rejection[]): unknown[] {
  if (Array.isArray(page.items)) return page.items;
  rejected.push({ index: 0, reason: "an AnnotationPage without an items array" });
  return [];
}

function parseAnnotation(candidate: unknown, index: number): ParsedAnnotation | Rejection {
  if (!isObject(candidate)) return { index, reason: "not a JSON object" };
  const rawId = typeof candidate.id === "string" ? candidate.id : undefined;
  const reject = (reason: string): Rejection => ({ index, ...(rawId ? { id: rawId } : {}), reason });
  if (!typesOf(candidate).includes("Annotation")) return reject('its type is not "Annotation"');
  const shape = ZAnnotation.safeParse(candidate);
  if (!shape.success) return reject(issues(shape.error));
  const warnings: string[] = [];
  const anchor = readTarget(candidate.target, warnings);
  if ("reason" in anchor) return reject(anchor.reason);
  const motivation = asArray(shape.data.motivation).find((value): value is string => typeof value === "string") ?? null;
  const bodies = readBodies(candidate, motivation, warnings);
  let kind = bodies.kind;
  let verdict = bodies.verdict;
  // A foreign annotation says nothing of our kinds: with a verdict it reads as a claim, else as analysis (commentary).
  if (!kind) kind = verdict ? "CLAIM" : "ANALYSIS";
  if (kind === "ANALYSIS" && verdict) {
    warnings.push(`verdict ${verdict} dropped: analysis takes no verdict`);
    verdict = null;
  }
  let notRatedReason = bodies.notRatedReason;
  if (notRatedReason !== null && (kind === "ANALYSIS" || verdict)) {
    warnings.push(`not-rated reason dropped: ${verdict ? "the annotation has a verdict" : "analysis is never rated"}`);
    notRatedReason = null;
  }
  const status = candidate[STATUS_KEY];
  const creator = candidate.creator;
  return {
    index,
    id: shape.data.id ?? null,
    kind,
    speaker: bodies.speaker,
    note: bodies.notes.join("\n\n"),
    verdict,
    rationale: bodies.rationale,
    publicNote: bodies.publicNote,
    notRatedReason,
    deniesId: bodies.deniesId,
    sources: bodies.sources,
    quote: anchor.quote,
    position: anchor.position,
    targetSource: anchor.source,
    revision: anchor.revision,
    anchor: anchor.anchor,
    status:
      typeof status === "string" && (ANNOTATION_STATUSES as readonly string[]).includes(status)
        ? (status as AnnotationStatus)
        : null,
    creator: isObject(creator) ? (str(creator.name) ?? str(creator.nickname) ?? str(creator.id)) : str(creator),
    created: shape.data.created ?? null,
    modified: shape.data.modified ?? null,
    warnings,
  };
}

type Anchor = Pick<ParsedAnnotation, "quote" | "position" | "revision" | "anchor"> & { source: string | null };

/** The first target with a usable text selector; malformed selectors are reasons, other kinds warnings. */
function readTarget(target: unknown, warnings: string[]): Anchor | { reason: string } {
  const problems: string[] = [];
  const targets = asArray(target);
  for (const [t, node] of targets.entries()) {
    if (!isObject(node)) {
      problems.push(`target ${t} has no selector (a whole resource cannot be anchored in the text)`);
      continue;
    }
    const anchor: Anchor = {
      quote: null,
      position: null,
      source: str(node.source) ?? (isObject(node.source) ? str(node.source.id) : null),
      revision: readRevision(node[REVISION_KEY], warnings),
      anchor: readAnchor(node[ANCHOR_KEY], warnings),
    };
    for (const [s, selector] of asArray(node.selector).entries()) {
      const type = isObject(selector) ? typesOf(selector)[0] : undefined;
      if (type === "TextQuoteSelector") {
        const parsed = ZQuoteSelector.safeParse(selector);
        if (parsed.success)
          anchor.quote ??= {
            exact: parsed.data.exact,
            prefix: parsed.data.prefix ?? "",
            suffix: parsed.data.suffix ?? "",
          };
        else problems.push(`TextQuoteSelector ${s}: ${issues(parsed.error)}`);
      } else if (type === "TextPositionSelector") {
        const parsed = ZPositionSelector.safeParse(selector);
        if (parsed.success) anchor.position ??= { start: parsed.data.start, end: parsed.data.end };
        else problems.push(`TextPositionSelector ${s}: ${issues(parsed.error)}`);
      } else {
        warnings.push(
          `selector ${s} of target ${t} (${type ?? "untyped"}) ignored: only TextQuoteSelector and TextPositionSelector are read`,
        );
      }
    }
    if (anchor.quote || anchor.position) {
      warnings.push(...problems);
      if (t < targets.length - 1) warnings.push(`targets after target ${t} ignored: one text target is used`);
      return anchor;
    }
    if (node.selector === undefined)
      problems.push(`target ${t} has no selector (a whole resource cannot be anchored in the text)`);
  }
  return {
    reason: problems.length ? problems.join("; ") : "no target with a TextQuoteSelector or TextPositionSelector",
  };
}

/** `factmark:revision`: `{ id: IRI, "factmark:number", "factmark:revisionId" }`; anything else is a warning. */
function readRevision(node: unknown, warnings: string[]): ParsedRevision | null {
  if (node === undefined) return null;
  const number = isObject(node) ? node[REVISION_NUMBER_KEY] : undefined;
  const revision: ParsedRevision = {
    iri: isObject(node) ? str(node.id) : str(node),
    number: Number.isInteger(number) && (number as number) > 0 ? (number as number) : null,
    id: isObject(node) ? str(node[REVISION_ID_KEY]) : null,
  };
  if (revision.iri || revision.number || revision.id) return revision;
  warnings.push(`${REVISION_KEY} ignored: it names no revision`);
  return null;
}

/** `factmark:anchor`: a known status and a score from 0 to 1 (clamped), with the previous quote if any. */
function readAnchor(node: unknown, warnings: string[]): ParsedAnchor | null {
  if (node === undefined) return null;
  const status = isObject(node) ? node[STATUS_KEY] : undefined;
  if (typeof status !== "string" || !(ANCHOR_STATUSES as readonly string[]).includes(status)) {
    warnings.push(`${ANCHOR_KEY} ignored: its status is not one of ${ANCHOR_STATUSES.join(", ")}`);
    return null;
  }
  const score = (node as Json)[ANCHOR_SCORE_KEY];
  const previousQuote = (node as Json)[PREVIOUS_QUOTE_KEY];
  return {
    status: status as AnchorStatus,
    score:
      typeof score === "number" && Number.isFinite(score)
        ? Math.min(1, Math.max(0, score))
        : status === "ANCHORED"
          ? 1
          : 0,
    previousQuote: typeof previousQuote === "string" ? previousQuote : null,
  };
}

type Bodies = {
  kind: AnnotationKind | null;
  speaker: string | null;
  verdict: Verdict | null;
  rationale: string | null;
  publicNote: string | null;
  notRatedReason: string | null;
  deniesId: string | null;
  notes: string[];
  sources: ParsedSource[];
};

function readBodies(annotation: Json, motivation: string | null, warnings: string[]): Bodies {
  const found: Bodies = {
    kind: null,
    speaker: null,
    verdict: null,
    rationale: null,
    publicNote: null,
    notRatedReason: null,
    deniesId: null,
    notes: [],
    sources: [],
  };
  if (typeof annotation.bodyValue === "string" && annotation.bodyValue) found.notes.push(annotation.bodyValue);
  for (const [b, body] of asArray(annotation.body).entries()) {
    if (typeof body === "string") {
      addSource(found, { type: "SpecificResource", source: body }, `body ${b}`, warnings);
      continue;
    }
    if (!isObject(body)) {
      warnings.push(`body ${b} ignored: neither an object nor an IRI`);
      continue;
    }
    const purpose =
      asArray(body.purpose).find((value): value is string =>
        (MOTIVATIONS as readonly string[]).includes(value as string),
      ) ?? motivation;
    const types = typesOf(body);
    if (types.includes("TextualBody") || (body.value !== undefined && body.source === undefined))
      readTextualBody(found, body, purpose, `body ${b}`, warnings);
    else if (purpose === null || purpose === "linking") addSource(found, body, `body ${b}`, warnings);
    else warnings.push(`body ${b} ignored: a ${purpose} resource body is not something Factmark keeps`);
  }
  return found;
}

function readTextualBody(found: Bodies, body: Json, purpose: string | null, where: string, warnings: string[]): void {
  const parsed = ZTextualBody.safeParse(body);
  if (!parsed.success) {
    warnings.push(`${where} ignored: ${issues(parsed.error)}`);
    return;
  }
  const value = parsed.data.value;
  const role = body[ROLE_KEY];
  if (purpose === "classifying") {
    const kind = value.trim().toUpperCase();
    if (kind !== "CLAIM" && kind !== "DENIAL" && kind !== "ANALYSIS")
      warnings.push(`${where} ignored: unknown kind "${value}"`);
    else if (found.kind && found.kind !== kind)
      warnings.push(`${where} ignored: the annotation is already classified as ${found.kind}`);
    else found.kind = kind;
  } else if (purpose === "tagging") {
    if (role === ROLE.speaker && !found.speaker) found.speaker = value;
    else warnings.push(`${where} ignored: the tag "${value}" is not marked as the speaker`);
  } else if (purpose === "assessing" && role === ROLE.notRated) {
    if (found.notRatedReason === null) found.notRatedReason = value;
    else warnings.push(`${where} ignored: a not-rated reason was already given`);
  } else if (purpose === "assessing") {
    const verdict = verdictOf(body[VERDICT_KEY]) ?? verdictOf(value);
    if (!verdict) warnings.push(`${where}: unknown verdict "${value}" dropped`);
    else if (found.verdict && found.verdict !== verdict)
      warnings.push(`${where} ignored: a verdict (${found.verdict}) was already given`);
    else found.verdict = verdict;
  } else if (role === ROLE.publicNote && found.publicNote === null) {
    found.publicNote = value;
  } else if (purpose === "commenting" && role === ROLE.rationale && found.rationale === null) {
    found.rationale = value;
  } else if (value !== "") {
    // Commenting, describing, replying, questioning… and untyped text: all of it is the note.
    found.notes.push(value);
  }
}

/** A verdict code (MOSTLY_FALSE) or label ("Mostly false"), in any case. */
function verdictOf(value: unknown): Verdict | null {
  if (typeof value !== "string") return null;
  const code = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (VERDICTS as readonly string[]).includes(code) ? (code as Verdict) : null;
}

function addSource(found: Bodies, body: Json, where: string, warnings: string[]): void {
  const page = isObject(body.source) ? body.source : null;
  const url = str(body.source) ?? (page ? str(page.id) : null) ?? str(body.id);
  if (body[ROLE_KEY] === ROLE.denies) {
    if (url) found.deniesId = url;
    else warnings.push(`${where} ignored: a denied-claim link without an IRI`);
    return;
  }
  if (!isHttpUrl(url)) {
    warnings.push(`${where} ignored: source ${url ? `"${url}" is not an http(s) URL` : "has no URL"}`);
    return;
  }
  const state = asArray(body.state).find((node): node is Json => isObject(node) && typesOf(node).includes("TimeState"));
  const quoteSelector = asArray(body.selector).find(
    (node): node is Json => isObject(node) && typesOf(node).includes("TextQuoteSelector"),
  );
  let archiveUrl = str(state?.cached) ?? str(body["schema:archivedAt"]);
  if (archiveUrl && !isHttpUrl(archiveUrl)) {
    warnings.push(`${where}: archive "${archiveUrl}" dropped: not an http(s) URL`);
    archiveUrl = null;
  }
  found.sources.push({
    url,
    title: page ? (str(page["dcterms:title"]) ?? str(page["dc:title"]) ?? str(page.title) ?? str(page.label)) : null,
    publisher: page ? (str(page["dcterms:publisher"]) ?? str(page["dc:publisher"])) : null,
    quote: quoteSelector ? str(quoteSelector.exact) : null,
    accessedAt: str(state?.sourceDate),
    archiveUrl,
  });
}
