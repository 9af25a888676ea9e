/**
 * How many values one statement may carry in an `IN (…)` list or as rows of
 * one insert: well under SQLite's 999 bound parameters (Prisma's limit for
 * the SQLite adapter; P2029 above it), leaving room for the statement's other
 * parameters and the relations Prisma loads with one parameter per parent row.
 * PostgreSQL allows 32,766; one size for both keeps the code path the same.
 */
export const CHUNK_SIZE = 500;

/** `items` in consecutive slices of at most `size`, order kept (none when empty). */
export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a whole number from 1, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One query per slice of `items`, one after another (SQLite has one
 * connection; PostgreSQL's pool is small), answers concatenated in order.
 * For lists that come from outside (a request, a page of events) and so have
 * no bound; an article's own rows are better read with one query filtered by
 * the article (docs/decisions/019-no-parameter-ceiling.md).
 */
export async function inChunks<T, R>(
  items: readonly T[],
  query: (slice: T[]) => Promise<R[]>,
  size = CHUNK_SIZE,
): Promise<R[]> {
  const out: R[] = [];
  for (const slice of chunks(items, size)) out.push(...(await query(slice)));
  return out;
}
