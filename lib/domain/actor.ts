import type { Role } from "./permissions";

/** Whoever makes a request: a signed-in user, or a user through an API token. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "cli";
};
