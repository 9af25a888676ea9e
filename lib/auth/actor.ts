import { getServerSession } from "next-auth";
import type { Actor } from "../domain/actor";
import type { Db } from "../db/client";
import { authenticateToken } from "../server/authenticate-token";
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

/** The signed-in user of the current request (pages, server actions, route handlers). */
export async function sessionActor(db: Db): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}
