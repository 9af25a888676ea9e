import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { ZAddRevision } from "../../schemas/articles";
import { requirePermission } from "../shared/require-permission";
import { articleBody } from "./article-body";
import { storeRevision, type RevisionAnswer } from "./store-revision";

/**
 * Takes in a changed article as its next revision and carries every
 * annotation across (docs/decisions/023-reanchoring-across-revisions.md), all
 * in one transaction: the revision, the article pointing at it, each
 * annotation's new place and state, and the audit trail stand together or not
 * at all. The body is read as the import reads it. A text identical to the
 * current revision is 422; a `baseRevisionId` that is no longer current is 409
 * naming the current one (two people revising at once). A signed-off article
 * takes a revision only from a reviewer or admin, and is reopened by it.
 */
export async function addRevision(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<RevisionAnswer> {
  requirePermission(actor, "revise:article");
  const data = ZAddRevision.parse(input);
  // Read here, on the request thread (a big page goes to the extraction thread from here): on the database
  // thread a 5 MB page would hold up every other write for the second it takes.
  const { content, format } = await articleBody(data);
  return storeRevision(db, {
    actor,
    articleId,
    note: data.note ?? null,
    baseRevisionId: data.baseRevisionId,
    content,
    format,
  });
}
