import { apiRoute } from "@/lib/http/api-route";
import { searchLibrary } from "@/lib/server/search/search-library";

/**
 * `?q=&kind=&verdict=&speaker=&status=&from=&to=&page=` → `{ words, annotations: { items, total, page,
 * pageSize }, articles: { items, total }, facets }`; snippets mark the matching words between U+E000
 * and U+E001. Any signed-in user.
 */
export const GET = apiRoute(async ({ db, actor, request }) =>
  searchLibrary(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
