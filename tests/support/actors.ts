import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";

/** A user row (no password) and the actor a signed-in session of theirs would be. */
export async function createActor(db: Db, role: Actor["role"], email: string): Promise<Actor> {
  const row = await db.user.create({ data: { email, name: email.split("@")[0], role } });
  return { id: row.id, email: row.email, name: row.name, role, via: "session" };
}
