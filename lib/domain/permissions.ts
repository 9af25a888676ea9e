/**
 * Who may do what: one typed table, read by the server checks (requirePermission)
 * and by the UI to hide what a user cannot do. The UI hiding a button is never
 * the protection.
 */
export const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read:article",
  "create:article",
  "update:article",
  "revise:article",
  "create:annotation",
  "update:annotation:own",
  "update:annotation:others",
  "delete:annotation:own",
  "delete:annotation:others",
  "comment:annotation",
  "delete:comment:others",
  "review:annotation:others",
  "signoff:article",
  "reopen:article",
  "export:article",
  "manage:own-tokens",
  "manage:users",
  "merge:speakers",
  "update:speakers",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Admins alone moderate (delete) others' comments: a comment is someone's own words. */
/** Adding a revision of a signed-off article also takes "reopen:article" (it reopens it). */
/** Editors work on each other's annotations (versions stop lost writes); deleting others' work takes a reviewer. */
const EDITOR: readonly Permission[] = [
  "read:article",
  "create:article",
  "update:article",
  "revise:article",
  "create:annotation",
  "update:annotation:own",
  "update:annotation:others",
  "delete:annotation:own",
  "comment:annotation",
  "export:article",
  "manage:own-tokens",
  // A speaker's name and profile (role, affiliation, description): desk knowledge any editor keeps up to date.
  "update:speakers",
];

const REVIEWER: readonly Permission[] = [
  ...EDITOR,
  "delete:annotation:others",
  "review:annotation:others",
  "signoff:article",
  "reopen:article",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  EDITOR: new Set(EDITOR),
  REVIEWER: new Set(REVIEWER),
  ADMIN: new Set(PERMISSIONS),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", REVIEWER: "Reviewer" };
