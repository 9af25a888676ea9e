import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { anchorParsed, parseW3c, type ParsedAnnotation } from "../export/w3c";
import type { AnnotationView } from "./article-view";
import { createAnnotation } from "./create-annotation";
import { AppError } from "./errors";
import { loadArticleView } from "./load-article";
import { requirePermission } from "./require-permission";

export type ImportRejection = { index: number; id?: string; reason: string };
export type ImportResult = { created: AnnotationView[]; rejected: ImportRejection[]; warnings: { index: number; id?: string; warning: string }[] };

/**
 * Creates annotations from a W3C Web Annotation document (ours, or another
 * tool's with quote/position selectors), anchored on the article's current
 * text. Each one is created on its own through createAnnotation, so the same
 * checks apply; anything that cannot be anchored or is invalid is listed as
 * rejected with its reason, never dropped silently. Claims go first, so a
 * denial in the same document can point at its claim. Reviews do not travel:
 * imported annotations start as drafts.
 */
export async function importW3cAnnotations(db: Db, { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown }): Promise<ImportResult> {
  requirePermission(actor, "create:annotation");
  const article = await loadArticleView(db, articleId);
  const { annotations, rejected: unparsed } = parseW3c(input);
  const rejected: ImportRejection[] = [...unparsed];
  const warnings = annotations.flatMap((parsed) => parsed.warnings.map((warning) => ({ index: parsed.index, ...(parsed.id ? { id: parsed.id } : {}), warning })));
  const created: AnnotationView[] = [];
  const newIdByIri = new Map<string, string>();
  // A Set, not a search of the article's annotations per denial: an import of thousands stays linear.
  const existingClaims = new Set(article.annotations.filter((annotation) => annotation.kind === "CLAIM").map((annotation) => annotation.id));
  const ordered = [...annotations].sort((a, b) => Number(a.kind === "DENIAL") - Number(b.kind === "DENIAL") || a.index - b.index);
  for (const parsed of ordered) {
    const reject = (reason: string) => rejected.push({ index: parsed.index, ...(parsed.id ? { id: parsed.id } : {}), reason });
    const anchored = anchorParsed(article.revision.text, parsed);
    if ("reason" in anchored) {
      reject(anchored.reason);
      continue;
    }
    try {
      const view = await createAnnotation(db, { actor, articleId, input: toCreateInput(parsed, anchored, newIdByIri, existingClaims) });
      created.push(view);
      if (parsed.id) newIdByIri.set(parsed.id, view.id);
    } catch (error) {
      if (error instanceof AppError && (error.code === "LOCKED" || error.code === "FORBIDDEN")) throw error;
      reject(describe(error));
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { created, rejected, warnings };
}

function toCreateInput(parsed: ParsedAnnotation, anchored: { start: number; end: number }, newIdByIri: Map<string, string>, existingClaims: ReadonlySet<string>) {
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
    deniesId: parsed.kind === "DENIAL" && parsed.deniesId ? resolveDenied(parsed.deniesId, newIdByIri, existingClaims) : null,
    sources: parsed.sources.map((source) => ({ ...source, accessedAt: source.accessedAt?.slice(0, 10) ?? null })),
  };
}

/** A denied claim: one imported from the same document, or one already on the article (its IRI ends in /annotations/<id>). */
function resolveDenied(iri: string, newIdByIri: Map<string, string>, existingClaims: ReadonlySet<string>): string | null {
  const imported = newIdByIri.get(iri);
  if (imported) return imported;
  const tail = decodeURIComponent(iri.split("/").pop() ?? "");
  return existingClaims.has(tail) ? tail : null;
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return "could not be stored";
}
