import type { Db } from "../../db/client";
import { invalid } from "../shared/errors";

/**
 * A "based on" link (Reuse in "Checked before", decision 030) names another
 * claim or denial that exists: never the annotation itself, never an analysis.
 * Whoever may update an annotation may read every article, so it is readable.
 */
export async function checkBasedOn(tx: Pick<Db, "annotation">, annotationId: string, basedOnId: string): Promise<void> {
  if (basedOnId === annotationId) throw invalid("basedOnId", "an annotation cannot be based on itself");
  const basis = await tx.annotation.findUnique({ where: { id: basedOnId }, select: { kind: true } });
  if (!basis) throw invalid("basedOnId", "no such annotation");
  if (basis.kind === "ANALYSIS") throw invalid("basedOnId", "must be a claim or a denial");
}
