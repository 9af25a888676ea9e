import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

/** The whole table, spelled out: a change to who may do what must change this test too. */
const EXPECTED: Record<Permission, Role[]> = {
  "read:article": ["ADMIN", "EDITOR", "REVIEWER"],
  "create:article": ["ADMIN", "EDITOR", "REVIEWER"],
  "update:article": ["ADMIN", "EDITOR", "REVIEWER"],
  "revise:article": ["ADMIN", "EDITOR", "REVIEWER"],
  "create:annotation": ["ADMIN", "EDITOR", "REVIEWER"],
  "update:annotation:own": ["ADMIN", "EDITOR", "REVIEWER"],
  "update:annotation:others": ["ADMIN", "EDITOR", "REVIEWER"],
  "delete:annotation:own": ["ADMIN", "EDITOR", "REVIEWER"],
  "delete:annotation:others": ["ADMIN", "REVIEWER"],
  "comment:annotation": ["ADMIN", "EDITOR", "REVIEWER"],
  "delete:comment:others": ["ADMIN"],
  "review:annotation:others": ["ADMIN", "REVIEWER"],
  "signoff:article": ["ADMIN", "REVIEWER"],
  "reopen:article": ["ADMIN", "REVIEWER"],
  "export:article": ["ADMIN", "EDITOR", "REVIEWER"],
  "manage:own-tokens": ["ADMIN", "EDITOR", "REVIEWER"],
  "manage:users": ["ADMIN"],
  "merge:speakers": ["ADMIN"],
  "update:speakers": ["ADMIN", "EDITOR", "REVIEWER"],
};

describe("permission table", () => {
  it("lists every permission in the expectation", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("gives reviewers everything editors have, and admins everything", () => {
    for (const permission of ROLE_PERMISSIONS.EDITOR) expect(can("REVIEWER", permission)).toBe(true);
    for (const permission of PERMISSIONS) expect(can("ADMIN", permission)).toBe(true);
  });
});
