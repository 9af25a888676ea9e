import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { authenticateSession } from "../server/session/authenticate-session";
import { authenticateToken } from "../server/session/authenticate-token";
import { bearerToken } from "./tokens";
import { authOptions } from "./options";

/**
 * The caller of a request: a bearer token if one is sent (and then only that
 * token counts), else the session cookie. The user row is read every time, so
 * a role change or a deactivation takes effect on the next request.
 */
export async function actorFromRequest(db: Db, request: Request): Promise<Actor | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token) return authenticateToken(db, token);
  return sessionActor(db);
}

/**
 * The signed-in user of the current request (pages, server actions, route
 * handlers): the session cookie's claims, honoured only while their stored
 * session is (sign-out, a role change or a deactivation ends it).
 */
export async function sessionActor(db: Db): Promise<Actor | null> {
  const claims = await sessionCookieClaims();
  return claims ? authenticateSession(db, { userId: claims.sub, sessionId: claims.sid }) : null;
}

/**
 * The stored session id of the current request's cookie, or null without one
 * (a bearer token carries none): a password change keeps this session alive.
 */
export async function currentSessionId(): Promise<string | null> {
  const claims = await sessionCookieClaims();
  return typeof claims?.sid === "string" ? claims.sid : null;
}

/**
 * The cookie read and decrypted the way next-auth does (its name, chunks and
 * secret), without getServerSession: that also re-encrypts the cookie on every
 * call, and would have to put the session id in what /api/auth/session shows
 * the browser's scripts.
 */
async function sessionCookieClaims() {
  // No headers: getToken would otherwise also take a JWT sent as "Authorization: Bearer".
  const req = { cookies: await cookies(), headers: {} };
  return getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: authOptions.secret });
}
