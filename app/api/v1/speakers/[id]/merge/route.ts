import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { mergeSpeakers } from "@/lib/server/speaker/merge-speakers";

/** `{ "from": "<speaker id>" }`: merges that record into :id (admins only). */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, request, params }) =>
  mergeSpeakers(db, { actor, speakerId: params.id, input: await readJson(request) }),
);
