import { redirect } from "next/navigation";
import type { Actor } from "../domain/actor";
import { can, type Permission } from "../domain/permissions";
import { getDb } from "../db/client";
import { sessionActor } from "./actor";
import { safeReturnPath } from "./safe-return-path";

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await sessionActor(await getDb());
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return actor;
}

/** For pages that need a permission: null when the user lacks it, so the page can say so. */
export async function pageActorWith(
  permission: Permission,
  returnTo: string,
): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await requirePageActor(returnTo);
  return { actor, allowed: can(actor.role, permission) };
}
