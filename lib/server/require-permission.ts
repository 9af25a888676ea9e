import type { Actor } from "../domain/actor";
import { can, type Permission } from "../domain/permissions";
import { AppError } from "./errors";

export function requirePermission(actor: Actor, permission: Permission, why?: string): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", why ?? `Your role (${actor.role.toLowerCase()}) may not ${permission.replace(/:/g, " ")}.`);
  }
}
