import type { Role } from "../domain/permissions";

/** What the API and the UI show of a user: never the password hash. */
export type UserView = { id: string; email: string; name: string; role: Role; active: boolean; createdAt: string };

export function toUserView(user: {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivatedAt: Date | null;
  createdAt: Date;
}): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.deactivatedAt === null,
    createdAt: user.createdAt.toISOString(),
  };
}
