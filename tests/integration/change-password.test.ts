import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { verifyPassword } from "@/lib/auth/passwords";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createUser } from "@/lib/server/user/create-user";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInCookie } from "../support/browser-session";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// POST /api/v1/me/password through the production server: the current password is checked, the new one
// follows the rules of user creation, and every other session of the user ends with the change.
const provider = testProvider();
let t: MigratedTestDatabase;
let server: AppServer;
let admin: Actor;
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
let counter = 0;

beforeAll(async () => {
  t = await migratedTestDatabase();
  admin = await createActor(t.db, "ADMIN", "root@example.org");
  server = await startAppServer(t.target.url);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await t?.close();
});

async function newUser() {
  const email = `changer${++counter}@example.org`;
  return createUser(t.db, {
    actor: admin,
    input: { email, name: `Changer ${counter}`, role: "EDITOR", password: PASSWORD },
  });
}

const me = (cookie: string) => fetch(`${server.url}/api/v1/me`, { headers: { Cookie: cookie } });
const change = (headers: Record<string, string>, body: unknown) =>
  fetch(`${server.url}/api/v1/me/password`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url, ...headers },
    body: JSON.stringify(body),
  });

describe(`changing one's password on ${provider}`, () => {
  it("a wrong current password is 422 naming currentPassword, changes nothing and counts as a failed sign-in", async () => {
    const user = await newUser();
    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    const before = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const response = await change(
      { Cookie: cookie },
      { currentPassword: "not my password", newPassword: NEW_PASSWORD },
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID");
    expect(error.fields).toEqual([
      { path: "currentPassword", message: expect.stringMatching(/^is not your current password/) },
    ]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
    expect(await t.db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "user.password-changed" } })).toBe(0);
  });

  it("a new password too short is 422 naming newPassword", async () => {
    const user = await newUser();
    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    const response = await change({ Cookie: cookie }, { currentPassword: PASSWORD, newPassword: "short" });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual([
      { path: "newPassword", message: "must be at least 10 characters" },
    ]);
  });

  it("success ends every other session of the user, keeps this one, and writes the audit event", async () => {
    const user = await newUser();
    const here = await signInCookie(server.url, user.email, PASSWORD);
    const elsewhere = await signInCookie(server.url, user.email, PASSWORD);
    const bystander = await newUser();
    const theirs = await signInCookie(server.url, bystander.email, PASSWORD);

    const response = await change({ Cookie: here.cookie }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sessionsEnded: 1 });

    expect((await me(elsewhere.cookie)).status).toBe(401);
    expect((await me(here.cookie)).status).toBe(200);
    expect((await me(theirs.cookie)).status).toBe(200);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, row.passwordHash!)).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password-changed" } });
    expect(event.actorId).toBe(user.id);
    expect(JSON.parse(event.payload)).toEqual({ userId: user.id, sessionsEnded: 1 });

    // The old password no longer signs in; the new one does.
    await expect(signInCookie(server.url, user.email, PASSWORD)).rejects.toThrow(/sign-in/);
    expect((await me((await signInCookie(server.url, user.email, NEW_PASSWORD)).cookie)).status).toBe(200);
  });

  it("an API token cannot change the password (403), even its owner's", async () => {
    const user = await newUser();
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
    const { token } = await createApiToken(t.db, { actor, input: { name: "script" } });
    const response = await change(
      { Authorization: `Bearer ${token}` },
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN");
  });
});
