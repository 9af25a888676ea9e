import { currentSessionId } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { changePassword } from "@/lib/server/user/change-password";

// A bearer token is never a session, even when a cookie comes along with it.
export const POST = apiRoute(async ({ db, actor, request }) =>
  changePassword(db, {
    actor,
    input: await readJson(request),
    sessionId: actor.via === "session" ? await currentSessionId() : null,
    ip: clientIp(request.headers),
  }),
);
