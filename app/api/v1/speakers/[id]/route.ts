import { apiRoute } from "@/lib/http/api-route";
import { getSpeaker } from "@/lib/server/speaker/get-speaker";

/** `?verdict=&page=&pageSize=` → the record, its aliases, tallies, verdicts per month and a page of its claims and denials. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  getSpeaker(db, { actor, speakerId: params.id, input: Object.fromEntries(new URL(request.url).searchParams) }),
);
