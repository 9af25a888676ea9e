import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { chunks } from "../../db/chunked";
import { parseW3c, placeParsed, type ParsedAnnotation, type Placement } from "../../export/w3c";
import type { AnnotationView } from "../../views/article-view";
import { createAnnotation, type ImportedAnchor } from "./create-annotation";
import { createAnnotations, describeRefusal, stopsImport, type CreateOutcome } from "./create-annotations";
import { loadArticleView } from "../article/load-article";
import { revisionText } from "../article/revision-text";
import { requirePermission } from "../shared/require-permission";

/** Annotations per transaction: a commit per annotation made 10,000 take minutes; a slice holds SQLite's write lock for a fraction of a second. */
const IMPORT_SLICE = 100;

export type ImportRejection = { index: number; id?: string; reason: string };
export type ImportResult = {
  created: AnnotationView[];
  rejected: ImportRejection[];
  warnings: { index: number; id?: string; warning: string }[];
};

/**
 * Creates annotations from a W3C Web Annotation document (ours, or another
 * tool's with quote/position selectors), anchored on the article's current
 * text. Each one is created by createAnnotation's rules (createInTransaction),
 * a slice of IMPORT_SLICE per transaction (createAnnotations), so the same
 * checks apply; anything that cannot be anchored or is invalid is listed as
 * rejected with its reason, never dropped silently. Claims go first, so a
 * denial in the same document can point at its claim. Reviews do not travel:
 * imported annotations start as drafts. The anchoring does (placeParsed): an
 * annotation the document marks CHANGED stays CHANGED with its previous words,
 * and an ORPHANED one is restored as ORPHANED on its own revision when that is
 * one of this article's revisions, else rejected (never searched for in the
 * current text, where it could land on the wrong words).
 */
export async function importW3cAnnotations(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<ImportResult> {
  requirePermission(actor, "create:annotation");
  const article = await loadArticleView(db, articleId);
  const { annotations, rejected: unparsed } = parseW3c(input);
  const rejected: ImportRejection[] = [...unparsed];
  const warnings = annotations.flatMap((parsed) =>
    parsed.warnings.map((warning) => ({ index: parsed.index, ...(parsed.id ? { id: parsed.id } : {}), warning })),
  );
  const created: AnnotationView[] = [];
  const newIdByIri = new Map<string, string>();
  // A Set, not a search of the article's annotations per denial: an import of thousands stays linear.
  const existingClaims = new Set(
    article.annotations.filter((annotation) => annotation.kind === "CLAIM").map((annotation) => annotation.id),
  );
  const reject = (parsed: ParsedAnnotation, reason: string) =>
    rejected.push({ index: parsed.index, ...(parsed.id ? { id: parsed.id } : {}), reason });
  const older = await olderTexts(db, article, annotations);
  const placed: { parsed: ParsedAnnotation; anchored: Exclude<Placement, { reason: string }> }[] = [];
  for (const parsed of [...annotations].sort((a, b) => a.index - b.index)) {
    const anchored = placeParsed(parsed, article.revision, (id) => older.get(id) ?? null);
    if ("reason" in anchored) reject(parsed, anchored.reason);
    else placed.push({ parsed, anchored });
  }
  // Claims (and analyses) first, then denials, so a denial can point at a claim of the same
  // document: its slice starts after every claim's has committed and given the claim its id.
  for (const group of [
    placed.filter(({ parsed }) => parsed.kind !== "DENIAL"),
    placed.filter(({ parsed }) => parsed.kind === "DENIAL"),
  ]) {
    for (const slice of chunks(group, IMPORT_SLICE)) {
      const inputs = slice.map(({ parsed, anchored }) => toCreateInput(parsed, anchored, newIdByIri, existingClaims));
      const anchors = slice.map(({ anchored }) => importedAnchor(anchored));
      const outcomes = await createSlice(db, actor, articleId, inputs, anchors);
      outcomes.forEach((outcome, i) => {
        const { parsed } = slice[i];
        if ("reason" in outcome) return reject(parsed, outcome.reason);
        created.push(outcome.view);
        if (parsed.id) newIdByIri.set(parsed.id, outcome.view.id);
      });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { created, rejected, warnings };
}

/**
 * The texts of this article's older revisions that the document's orphans name (by
 * revision id: a revision of another article, or of a copy, is not this one's).
 */
async function olderTexts(
  db: Db,
  article: Awaited<ReturnType<typeof loadArticleView>>,
  annotations: readonly ParsedAnnotation[],
): Promise<Map<string, string>> {
  const ours = new Set(article.history.map((revision) => revision.id));
  const wanted = new Set<string>();
  for (const { anchor, revision } of annotations)
    if (anchor?.status === "ORPHANED" && revision?.id && revision.id !== article.revision.id && ours.has(revision.id))
      wanted.add(revision.id);
  const texts = new Map<string, string>();
  for (const id of wanted) texts.set(id, await revisionText(db, id));
  return texts;
}

/** What createInTransaction restores of the anchoring; undefined for a plain new span of the current text. */
function importedAnchor(anchored: Exclude<Placement, { reason: string }>): ImportedAnchor | undefined {
  if ("orphanedOn" in anchored) return { status: "ORPHANED", revisionId: anchored.orphanedOn };
  return anchored.anchor ?? undefined;
}

function toCreateInput(
  parsed: ParsedAnnotation,
  anchored: { start: number; end: number },
  newIdByIri: Map<string, string>,
  existingClaims: ReadonlySet<string>,
) {
  return {
    kind: parsed.kind,
    start: anchored.start,
    end: anchored.end,
    speaker: parsed.speaker,
    note: parsed.note,
    publicNote: parsed.publicNote,
    verdict: parsed.kind === "ANALYSIS" ? null : parsed.verdict,
    notRatedReason: parsed.notRatedReason,
    rationale: parsed.rationale,
    deniesId:
      parsed.kind === "DENIAL" && parsed.deniesId ? resolveDenied(parsed.deniesId, newIdByIri, existingClaims) : null,
    sources: parsed.sources.map((source) => ({ ...source, accessedAt: source.accessedAt?.slice(0, 10) ?? null })),
  };
}

/** A denied claim: one imported from the same document, or one already on the article (its IRI ends in /annotations/<id>). */
function resolveDenied(
  iri: string,
  newIdByIri: Map<string, string>,
  existingClaims: ReadonlySet<string>,
): string | null {
  const imported = newIdByIri.get(iri);
  if (imported) return imported;
  const tail = decodeURIComponent(iri.split("/").pop() ?? "");
  return existingClaims.has(tail) ? tail : null;
}

/**
 * One slice in one transaction (createAnnotations). Should the database
 * refuse one of them, which rolls the slice back, each is created on its own
 * instead, so that refusal is that annotation's alone.
 */
async function createSlice(
  db: Db,
  actor: Actor,
  articleId: string,
  inputs: unknown[],
  anchors: (ImportedAnchor | undefined)[],
): Promise<CreateOutcome[]> {
  try {
    return await createAnnotations(db, { actor, articleId, inputs, anchors });
  } catch (error) {
    if (stopsImport(error)) throw error;
  }
  const outcomes: CreateOutcome[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      outcomes.push({ view: await createAnnotation(db, { actor, articleId, input, anchor: anchors[i] }) });
    } catch (error) {
      if (stopsImport(error)) throw error;
      outcomes.push({ reason: describeRefusal(error) });
    }
  }
  return outcomes;
}
