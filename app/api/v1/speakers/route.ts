import { apiRoute } from "@/lib/http/api-route";
import { listSpeakers } from "@/lib/server/speaker/list-speakers";

/** `?q=&page=&pageSize=` → `{ items, total, page, pageSize }`: speaker records with their tallies, best match first. */
export const GET = apiRoute(async ({ db, actor, request }) =>
  listSpeakers(db, { actor, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
