import type { Actor } from "../../domain/actor";
import { can, type Permission } from "../../domain/permissions";
import { AppError } from "./errors";

export function requirePermission(actor: Actor, permission: Permission, why?: string): void {
  if (!can(actor.role, permission)) {
    throw new AppError(
      "FORBIDDEN",
      why ?? `Your role (${actor.role.toLowerCase()}) may not ${permission.replace(/:/g, " ")}.`,
    );
  }
}

/**
 * Token management is for a person at a browser (or the command line on the
 * server), never for a token: a leaked token could otherwise mint itself
 * successors that outlive its revocation, and list or revoke its owner's others.
 */
export function requireSessionForTokens(actor: Actor): void {
  if (actor.via === "token") {
    throw new AppError(
      "FORBIDDEN",
      "Token management needs a signed-in browser session: an API token cannot create, list or revoke tokens.",
    );
  }
}
