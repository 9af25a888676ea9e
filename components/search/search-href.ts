/** The search page's parameters as kept in its links (each a plain string; absent when unset). */
export type SearchParams = Partial<Record<"q" | "kind" | "verdict" | "status" | "speaker" | "from" | "to", string>>;

const ORDER = ["q", "kind", "verdict", "status", "speaker", "from", "to"] as const;

/**
 * A link to /search with `params` changed by `change` (undefined removes one). Any change but the
 * page's own goes back to page 1: a new filter has its own first page.
 */
export function searchHref(params: SearchParams, change: SearchParams & { page?: number } = {}): string {
  const { page, ...changed } = change;
  const merged: Record<string, string | undefined> = { ...params, ...changed };
  const query = new URLSearchParams();
  for (const name of ORDER) {
    const value = merged[name];
    if (value) query.set(name, value);
  }
  if (page && page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/search?${text}` : "/search";
}
