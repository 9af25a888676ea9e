import type { Db } from "../../db/client";
import { providerOf } from "../../db/client";
import { setting } from "../../config/env";
import type { SearchResult } from "../../views/search-view";

/**
 * Search answers kept until the database changes (#18, decision 029 "A cache of answers"): editors
 * search the same claim, and a common word's facet counts cost tens of milliseconds.
 *
 * An answer is valid while no write has been committed since it was computed, by anyone: SQLite's
 * `PRAGMA data_version` changes when another connection (the database thread, the CLI, another
 * process) commits, and `total_changes()` when this connection writes. Both are read before the
 * search; a write committed during it changes them, so the answer is never served under a version
 * older than its data. Any write counts (presence, sign-in…), not only annotations': coarse, never
 * stale. PostgreSQL has no such cheap counter: no cache there. FACTMARK_SEARCH_CACHE=off turns it off.
 */
const MAX_ANSWERS = 200;

type Answers = Map<string, { version: string; result: SearchResult }>;
/** Per client: two databases (tests, scripts) must never share answers. */
const byClient = new WeakMap<object, Answers>();
const counts = { hits: 0, misses: 0 };

/** How many searches were answered from the cache and how many were not (for tests and the bench). */
export function searchCacheCounts(): Readonly<typeof counts> {
  return { ...counts };
}

async function version(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ changes: bigint | number; data: bigint | number }[]>`
    SELECT total_changes() AS "changes", (SELECT "data_version" FROM pragma_data_version) AS "data"`;
  return `${row.data}:${row.changes}`;
}

export async function cachedSearch(db: Db, key: string, search: () => Promise<SearchResult>): Promise<SearchResult> {
  if (providerOf(db) !== "sqlite" || setting("FACTMARK_SEARCH_CACHE") === "off") return search();
  let answers = byClient.get(db);
  if (!answers) byClient.set(db, (answers = new Map()));
  const now = await version(db);
  const kept = answers.get(key);
  if (kept && kept.version === now) {
    counts.hits++;
    // Most recently used last: the oldest is forgotten first.
    answers.delete(key);
    answers.set(key, kept);
    return kept.result;
  }
  counts.misses++;
  const result = await search();
  answers.delete(key);
  if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
  answers.set(key, { version: now, result });
  return result;
}
