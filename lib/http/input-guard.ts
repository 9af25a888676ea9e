import type { FieldIssue } from "../server/shared/errors";

/**
 * Checks every request's input gets before any use case sees it (read-json.ts for
 * bodies, api-route.ts for query and path parameters), so that no shape or
 * character of input reaches code or a database that would fail on it with a 500:
 *
 * - JSON nested deeper than MAX_JSON_DEPTH. Real bodies nest at most 6 levels (a
 *   W3C import document: collection › items › annotation › target › selector ›
 *   refinedBy); recursive code further on (zod, the structured clone that carries
 *   a write to the SQLite database thread, which overflows its stack near 4,000
 *   levels) must never meet thousands.
 * - NUL (U+0000): PostgreSQL cannot store it in text at all (the write fails);
 *   SQLite would store it, so both refuse it alike.
 * - Lone UTF-16 surrogates (JSON's "\ud800" escape): not Unicode text; written
 *   as UTF-8 they silently become U+FFFD on SQLite, and fail on PostgreSQL.
 */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why this text cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "must not contain a lone UTF-16 surrogate (it is not valid Unicode text)";
  return null;
}

/** A name as it can be shown in a field path: NUL and lone surrogates written as JSON escapes. */
const printable = (name: string) => (textProblem(name) ? JSON.stringify(name).slice(1, -1) : name);

/**
 * The first problem in a parsed JSON value: nesting deeper than `maxDepth`
 * (named as the body, path ""), or a string, value or key, that textProblem
 * refuses (named by its dotted path, e.g. `sources.0.title`). Iterative, so
 * the walk itself never overflows on the deepest value.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldIssue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      const message = textProblem(value);
      if (message) return { path, message };
    } else if (value && typeof value === "object") {
      if (depth >= maxDepth) return { path: "", message: `nests deeper than ${maxDepth} levels` };
      const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
      // Pushed last to first, so the first problem in document order is the one named.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        if (typeof key === "string") {
          const message = textProblem(key);
          if (message) return { path: join(path, printable(key)), message: `has a name that ${message}` };
        }
        stack.push({ value: item, path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return null;
}

/**
 * The first query parameter whose name or value textProblem refuses, named by
 * that parameter. (Percent-encoding that is not UTF-8 never gets this far: the
 * server has turned it into U+FFFD before a route sees the URL.)
 */
export function queryProblem(query: URLSearchParams): FieldIssue | null {
  for (const [name, value] of query) {
    const nameProblem = textProblem(name);
    const message = nameProblem ? `has a name that ${nameProblem}` : textProblem(value);
    if (message) return { path: printable(name), message };
  }
  return null;
}

/**
 * Whether a path parameter can be one of this app's row ids: Prisma's
 * `@default(cuid())` (every id in prisma/model.prisma that a route takes) is
 * "c" and 24 lower-case letters and digits. Anything else is answered 404
 * before the database is asked; an integration test checks that the ids the
 * database makes still match, should the id scheme ever change.
 */
export function isAppId(value: string): boolean {
  return /^c[a-z0-9]{24}$/.test(value);
}

/**
 * A page number from a page's link or form, forgiving as pages are: anything
 * but a whole number from 1 up to JavaScript's safe range (beyond which the list
 * schemas refuse it, and the page would fail) is the first page.
 */
export function pageNumber(raw: string | undefined): number {
  const page = Number.parseInt(raw ?? "1", 10);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}
