import { AUDIT } from "../../domain/audit-actions";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { MAX_SOURCES, ZAddSource } from "../../schemas/annotations";
import { changeSources } from "./change-sources";
import { AppError } from "../shared/errors";

export function addSource(
  db: Db,
  { actor, annotationId, input }: { actor: Actor; annotationId: string; input: unknown },
) {
  const { version, ...source } = ZAddSource.parse(input);
  return changeSources(db, actor, annotationId, AUDIT.source.added, version, async (tx) => {
    const count = await tx.source.count({ where: { annotationId } });
    if (count >= MAX_SOURCES)
      throw new AppError("INVALID", `sources: must have at most ${MAX_SOURCES} sources`, {
        fields: [{ path: "sources", message: `must have at most ${MAX_SOURCES} sources` }],
      });
    const created = await tx.source.create({ data: { ...source, annotationId, position: count } });
    return { sourceId: created.id, url: created.url };
  });
}
