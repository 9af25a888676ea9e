import type { Db } from "../../db/client";

type Reader = Pick<Db, "articleRevision">;

/** Revisions are never edited (a change of text is a new revision), so their text can be kept by id. */
const MAX_CACHED_CHARACTERS = 16_000_000;
const cache = new Map<string, string>();
let cachedCharacters = 0;

/**
 * The text of a revision, read once per server: every new annotation is
 * anchored against it, and copying a long article out of the database on
 * each write was a large share of the cost of a write.
 */
export async function revisionText(db: Reader, revisionId: string): Promise<string> {
  const hit = cache.get(revisionId);
  if (hit !== undefined) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(revisionId);
    cache.set(revisionId, hit);
    return hit;
  }
  const { text } = await db.articleRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { text: true } });
  cache.set(revisionId, text);
  cachedCharacters += text.length;
  for (const [id, old] of cache) {
    if (cachedCharacters <= MAX_CACHED_CHARACTERS || id === revisionId) break;
    cache.delete(id);
    cachedCharacters -= old.length;
  }
  return text;
}
