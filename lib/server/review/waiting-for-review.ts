import type { Actor } from "../../domain/actor";

/**
 * Submitted, on an article still open for review, and reviewable by this reviewer: never their own, nor those whose
 * substance they changed since the last approval (the four-eyes rule, mayReview; a subquery, not a list of ids).
 */
export const waitingFor = (actor: Actor) => ({
  status: "SUBMITTED" as const,
  // An orphan is placed (and so back in the text) before anyone reviews it.
  anchorStatus: { not: "ORPHANED" as const },
  createdById: { not: actor.id },
  editors: { none: { userId: actor.id } },
  article: { status: { not: "SIGNED_OFF" as const } },
});
