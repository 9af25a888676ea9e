import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { requirePermission } from "../shared/require-permission";
import { waitingFor } from "./waiting-for-review";

/** How many wait for this reviewer (the navigation's badge). */
export async function reviewQueueSize(db: Db, { actor }: { actor: Actor }): Promise<number> {
  requirePermission(actor, "review:annotation:others");
  return db.annotation.count({ where: waitingFor(actor) });
}
