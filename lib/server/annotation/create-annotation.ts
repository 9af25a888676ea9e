import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { AUDIT } from "../../domain/audit-actions";
import { ZCreateAnnotation } from "../../schemas/annotations";
import { anchorSpan } from "./anchor-span";
import { takeAnnotationNumber } from "./annotation-number";
import { toAnnotationView, type AnnotationView } from "../../views/article-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { checkDeniedClaim } from "./check-denied-claim";
import { touchEditableArticle } from "../article/load-article";
import { requirePermission } from "../shared/require-permission";
import { revisionText } from "../article/revision-text";
import { resolveSpeaker } from "../speaker/resolve-speaker";

/**
 * Tags a span of the article's current revision. Nothing is stored unless
 * every check passes. A hot path under collaboration load, so it reads only
 * what it checks and builds the answer from the row it wrote (a new
 * annotation has no review yet, and its author is the caller).
 */
export const createAnnotation = onDbThread(
  "createAnnotation",
  async function createAnnotation(
    db: Db,
    { actor, articleId, input, anchor }: { actor: Actor; articleId: string; input: unknown; anchor?: ImportedAnchor },
  ): Promise<AnnotationView> {
    requirePermission(actor, "create:annotation");
    const data = ZCreateAnnotation.parse(input);
    return db.$transaction((tx) => createInTransaction(tx, actor, articleId, data, anchor));
  },
);

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * What a W3C import restores of an annotation's anchoring (lib/export/w3c.ts):
 * ANCHORED or CHANGED (with the words it stood on before) on the current text,
 * or ORPHANED on `revisionId`, an older revision of the same article whose text
 * the span is checked against (the caller checks that it is one). Without it, a
 * new annotation is ANCHORED on the current revision.
 */
export type ImportedAnchor =
  | { status: "ANCHORED" | "CHANGED"; score: number; previousQuote: string | null }
  | { status: "ORPHANED"; revisionId: string };

/** createAnnotation's checks and writes inside the caller's transaction (the W3C import runs many in one). */
export async function createInTransaction(
  tx: Tx,
  actor: Actor,
  articleId: string,
  data: ReturnType<typeof ZCreateAnnotation.parse>,
  imported?: ImportedAnchor,
): Promise<AnnotationView> {
  const article = await touchEditableArticle(tx, articleId);
  const revisionId = imported?.status === "ORPHANED" ? imported.revisionId : article.currentRevisionId;
  const anchor = anchorSpan(await revisionText(tx, revisionId), data.start, data.end, data.quote);
  await checkDeniedClaim(tx, articleId, data.deniesId);
  const sources = data.sources ?? [];
  const speaker = await resolveSpeaker(tx, data);
  // Last, after every check that could refuse: the article row is already locked by the touch above.
  const number = await takeAnnotationNumber(tx, articleId, data.kind);
  const created = await tx.annotation.create({
    data: {
      articleId,
      revisionId,
      ...(imported ? anchorColumns(imported) : {}),
      kind: data.kind,
      number,
      start: data.start,
      end: data.end,
      ...anchor,
      ...speaker,
      note: data.note ?? "",
      publicNote: data.publicNote,
      verdict: data.verdict ?? null,
      notRatedReason: data.notRatedReason,
      rationale: data.rationale,
      deniesId: data.deniesId ?? null,
      createdById: actor.id,
      ...(sources.length ? { sources: { create: sources.map((source, position) => ({ ...source, position })) } } : {}),
    },
    // Sources are read back only when there are some (their ids are new).
    include: sources.length ? { sources: { orderBy: { position: "asc" } } } : undefined,
  });
  await recordAuditEvent(tx, {
    articleId,
    annotationId: created.id,
    actorId: actor.id,
    action: AUDIT.annotation.created,
    payload: { kind: created.kind, number, quote: created.quote, version: created.version },
  });
  return toAnnotationView({
    sources: [],
    ...created,
    createdBy: { id: actor.id, name: actor.name },
    signOffs: [],
    editors: [],
  });
}

/** The row's anchoring columns for an imported anchor; an orphan's workflow status is ORPHANED too. */
function anchorColumns(imported: ImportedAnchor) {
  if (imported.status === "ORPHANED")
    return { anchorStatus: "ORPHANED", anchorScore: 0, previousQuote: null, status: "ORPHANED" } as const;
  return { anchorStatus: imported.status, anchorScore: imported.score, previousQuote: imported.previousQuote };
}
