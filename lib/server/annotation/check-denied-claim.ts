import type { Db } from "../../db/client";
import { invalid } from "../shared/errors";

type Tx = Pick<Db, "annotation">;

/** A denial may point only at a claim of the same article. */
export async function checkDeniedClaim(db: Tx, articleId: string, deniesId: string | null | undefined): Promise<void> {
  if (!deniesId) return;
  const target = await db.annotation.findUnique({ where: { id: deniesId }, select: { articleId: true, kind: true } });
  if (!target || target.articleId !== articleId || target.kind !== "CLAIM")
    throw invalid("deniesId", "must be a claim of the same article");
}
