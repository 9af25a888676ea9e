import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { getSpeaker } from "@/lib/server/speaker/get-speaker";
import { updateSpeaker } from "@/lib/server/speaker/update-speaker";

/** `?verdict=&page=&pageSize=` → the record, its aliases, tallies, verdicts per month and a page of its claims and denials. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  getSpeaker(db, { actor, speakerId: params.id, input: Object.fromEntries(new URL(request.url).searchParams) }),
);

/** `{ name?, role?, affiliation?, description? }` → the record as it now is (editors, reviewers, admins). */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  updateSpeaker(db, { actor, speakerId: params.id, input: await readJson(request) }),
);
