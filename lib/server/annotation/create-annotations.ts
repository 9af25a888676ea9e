import { ZodError } from "zod";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";
import { ZCreateAnnotation } from "../../schemas/annotations";
import type { AnnotationView } from "../../views/article-view";
import { createInTransaction, type ImportedAnchor } from "./create-annotation";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/** Each input's outcome, in order: the annotation created, or why not. */
export type CreateOutcome = { view: AnnotationView } | { reason: string };

/** Refusals that stop a whole import rather than one annotation of it. */
export const stopsImport = (error: unknown) =>
  error instanceof AppError && (error.code === "LOCKED" || error.code === "FORBIDDEN");

/**
 * Several annotations, each by createAnnotation's rules (createInTransaction),
 * in ONE transaction: what a large W3C import runs per slice, since a commit
 * per annotation made 10,000 of them take minutes. An input our checks refuse
 * (invalid, not anchored, no such claim) is an outcome with its reason, the
 * others stand: those refusals are thrown before any failing SQL, so the
 * transaction goes on (also on PostgreSQL). LOCKED and FORBIDDEN stop it all;
 * any other error (the database's) rolls the whole slice back and is thrown.
 */
export const createAnnotations = onDbThread(
  "createAnnotations",
  async function createAnnotations(
    db: Db,
    {
      actor,
      articleId,
      inputs,
      anchors = [],
    }: {
      actor: Actor;
      articleId: string;
      inputs: unknown[];
      /** Beside inputs, index for index: what the W3C import restores of each one's anchoring. */
      anchors?: (ImportedAnchor | undefined)[];
    },
  ): Promise<CreateOutcome[]> {
    requirePermission(actor, "create:annotation");
    return db.$transaction(
      async (tx) => {
        const outcomes: CreateOutcome[] = [];
        for (const [i, input] of inputs.entries()) {
          try {
            const data = ZCreateAnnotation.parse(input);
            outcomes.push({ view: await createInTransaction(tx, actor, articleId, data, anchors[i]) });
          } catch (error) {
            if (stopsImport(error) || !(error instanceof AppError || error instanceof ZodError)) throw error;
            outcomes.push({ reason: describeRefusal(error) });
          }
        }
        return outcomes;
      },
      // A slice of some hundred creates: more than the 5 s default allows on a busy machine.
      { timeout: 60_000 },
    );
  },
);

/** Why an annotation could not be created, for an import's `rejected` list. */
export function describeRefusal(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return "could not be stored";
}
