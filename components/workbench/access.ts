import type { Role } from "@/lib/domain/permissions";

export type WorkbenchActor = { id: string; role: Role };

/** What the signed-in user may do here, worked out on the server from lib/domain/permissions. */
export type WorkbenchPermissions = {
  create: boolean;
  updateOwn: boolean;
  updateOthers: boolean;
  deleteOwn: boolean;
  deleteOthers: boolean;
  /** Signed off: read-only until a reviewer reopens it. */
  locked: boolean;
};

type Owned = { createdBy: { id: string } };

/** Hides controls only; the server checks every change anyway. */
export const mayCreate = (permissions: WorkbenchPermissions) => permissions.create && !permissions.locked;

export const mayUpdate = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Owned) =>
  !permissions.locked && (annotation.createdBy.id === actor.id ? permissions.updateOwn : permissions.updateOthers);

export const mayDelete = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Owned) =>
  !permissions.locked && (annotation.createdBy.id === actor.id ? permissions.deleteOwn : permissions.deleteOthers);
