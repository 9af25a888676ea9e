import { z } from "zod";
import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { getBus } from "../../realtime/get-bus";
import { focusPresence } from "../../realtime/presence";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

const ZPresence = z.object({
  connectionId: z
    .string({ error: "is required (from the stream's ready event)" })
    .uuid("must be the id the stream gave you"),
  annotationId: z.string().trim().min(1).max(64).nullable(),
});

/** Which annotation the user is looking at, on their own open stream only. */
export async function updatePresence(
  db: Db,
  { actor, articleId, input }: { actor: Actor; articleId: string; input: unknown },
): Promise<void> {
  requirePermission(actor, "read:article");
  const { connectionId, annotationId } = ZPresence.parse(input);
  if (!(await focusPresence(db, { connectionId, articleId, userId: actor.id, annotationId })))
    throw new AppError("NOT_FOUND", "No open event stream of yours on this article.");
  await (await getBus()).publishPresence(articleId);
}
