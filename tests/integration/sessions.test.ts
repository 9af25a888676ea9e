import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { authenticateSession } from "@/lib/server/session/authenticate-session";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createUser } from "@/lib/server/user/create-user";
import { endSession } from "@/lib/server/session/end-session";
import { SESSION_SECONDS, startSession } from "@/lib/server/session/start-session";
import { updateUser } from "@/lib/server/user/update-user";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInCookie, signOut } from "../support/browser-session";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// Browser sessions are stored (UserSession) and honoured only while their row is: sign-out,
// a role change and a deactivation end them on the server, whatever copies of the cookie exist.
const provider = testProvider();
let t: MigratedTestDatabase;
let server: AppServer;
let admin: Actor;
const PASSWORD = "correct horse battery";
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

async function newUser(role: Actor["role"] = "EDITOR") {
  const email = `person${++counter}@example.org`;
  return createUser(t.db, { actor: admin, input: { email, name: `Person ${counter}`, role, password: PASSWORD } });
}

const me = (cookie: string) => fetch(`${server.url}/api/v1/me`, { headers: { Cookie: cookie } });
const accountPage = (cookie: string) =>
  fetch(`${server.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });

describe(`stored sessions on ${provider}`, () => {
  it("are honoured while their row is unrevoked, unexpired and the user's, and the user active", async () => {
    const user = await newUser();
    const now = new Date("2035-03-01T09:00:00Z");
    const sessionId = await startSession(t.db, { userId: user.id }, now);
    const row = await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime() - now.getTime()).toBe(SESSION_SECONDS * 1000);

    expect(await authenticateSession(t.db, { userId: user.id, sessionId }, now)).toMatchObject({
      id: user.id,
      role: "EDITOR",
      via: "session",
    });
    expect(await authenticateSession(t.db, { userId: user.id, sessionId }, row.expiresAt)).toBeNull();
    expect(await authenticateSession(t.db, { userId: admin.id, sessionId }, now)).toBeNull();
    expect(await authenticateSession(t.db, { userId: user.id, sessionId: "nope" }, now)).toBeNull();
    // A cookie from before sessions were stored has no session id.
    expect(await authenticateSession(t.db, { userId: user.id }, now)).toBeNull();

    await endSession(t.db, { userId: user.id, sessionId }, now);
    expect(await authenticateSession(t.db, { userId: user.id, sessionId }, now)).toBeNull();
  });

  it("end with a role change and a deactivation, in the same transaction; a rename or reactivation revives none", async () => {
    const user = await newUser();
    const live = (sessionId: string) => authenticateSession(t.db, { userId: user.id, sessionId });
    const first = await startSession(t.db, { userId: user.id });
    await updateUser(t.db, { actor: admin, userId: user.id, input: { name: "Renamed" } });
    expect(await live(first)).not.toBeNull();
    await updateUser(t.db, { actor: admin, userId: user.id, input: { role: "REVIEWER" } });
    expect(await live(first)).toBeNull();

    const second = await startSession(t.db, { userId: user.id });
    await updateUser(t.db, { actor: admin, userId: user.id, input: { active: false } });
    expect(await live(second)).toBeNull();
    await updateUser(t.db, { actor: admin, userId: user.id, input: { active: true } });
    expect(await live(second)).toBeNull();
    expect(await live(await startSession(t.db, { userId: user.id }))).not.toBeNull();
  });

  it("expired and revoked rows are pruned at a sign-in, at most hourly", async () => {
    const user = await newUser();
    const now = new Date("2045-01-01T12:00:00Z");
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const rows = async () =>
      (
        await t.db.userSession.findMany({
          where: { userId: user.id },
          select: { id: true },
          orderBy: { createdAt: "asc" },
        })
      ).map((row) => row.id);
    const expired = await startSession(t.db, { userId: user.id }, minutes(-(SESSION_SECONDS / 60) - 180));
    const revoked = await startSession(t.db, { userId: user.id }, minutes(-120));
    await endSession(t.db, { userId: user.id, sessionId: revoked });
    const current = await startSession(t.db, { userId: user.id }, now);
    expect(await rows()).toEqual([current]);
    expect(await rows()).not.toContain(expired);

    await endSession(t.db, { userId: user.id, sessionId: current });
    const soon = await startSession(t.db, { userId: user.id }, minutes(30));
    expect(await rows()).toEqual([current, soon]);
    const later = await startSession(t.db, { userId: user.id }, minutes(61));
    expect(await rows()).toEqual([soon, later]);
  });
});

describe(`browser sessions through the production server on ${provider}`, () => {
  it("a copied cookie stops working on the API and on pages once its session signs out", async () => {
    const user = await newUser();
    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    expect((await me(cookie)).status).toBe(200);
    expect((await accountPage(cookie)).status).toBe(200);
    const copy = cookie;

    expect(await signOut(server.url, cookie)).toBe(200);
    const after = await me(copy);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("UNAUTHENTICATED");
    const page = await accountPage(copy);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/signin?callbackUrl=%2Faccount");

    // A fresh sign-in works, and leaves other sessions of the same user alone.
    const again = await signInCookie(server.url, user.email, PASSWORD);
    const elsewhere = await signInCookie(server.url, user.email, PASSWORD);
    expect((await me(again.cookie)).status).toBe(200);
    await signOut(server.url, elsewhere.cookie);
    expect((await me(again.cookie)).status).toBe(200);
  });

  it("a cookie stops working after its user is deactivated, and stays dead after reactivation", async () => {
    const user = await newUser();
    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    expect((await me(cookie)).status).toBe(200);
    await updateUser(t.db, { actor: admin, userId: user.id, input: { active: false } });
    await updateUser(t.db, { actor: admin, userId: user.id, input: { active: true } });
    expect((await me(cookie)).status).toBe(401);
    expect((await me((await signInCookie(server.url, user.email, PASSWORD)).cookie)).status).toBe(200);
  });

  it("a cookie stops working after its user's role changes", async () => {
    const user = await newUser("REVIEWER");
    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    expect(await (await me(cookie)).json()).toMatchObject({ role: "REVIEWER" });
    await updateUser(t.db, { actor: admin, userId: user.id, input: { role: "EDITOR" } });
    expect((await me(cookie)).status).toBe(401);
    expect(await (await me((await signInCookie(server.url, user.email, PASSWORD)).cookie)).json()).toMatchObject({
      role: "EDITOR",
    });
  });

  it("a token cannot create tokens; a session can", async () => {
    const user = await newUser();
    const { token } = await createApiToken(t.db, {
      actor: { ...user, role: "EDITOR", via: "session" },
      input: { name: "parent" },
    });
    const minted = await fetch(`${server.url}/api/v1/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "child" }),
    });
    expect(minted.status).toBe(403);
    expect(await minted.json()).toMatchObject({
      error: { code: "FORBIDDEN", message: expect.stringMatching(/browser session/) },
    });
    expect((await fetch(`${server.url}/api/v1/tokens`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      403,
    );

    const { cookie } = await signInCookie(server.url, user.email, PASSWORD);
    const created = await fetch(`${server.url}/api/v1/tokens`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "from the browser" }),
    });
    expect(created.status).toBe(201);
  });

  it("sign-in sends a callbackUrl that leaves this origin back to /", async () => {
    const user = await newUser();
    for (const callbackUrl of ["/\\evil.example", "/\t/evil.example", "https://evil.example/", "//evil.example"]) {
      const { url } = await signInCookie(server.url, user.email, PASSWORD, { callbackUrl });
      expect(url, callbackUrl).toBe(`${server.url}/`);
    }
    expect((await signInCookie(server.url, user.email, PASSWORD, { callbackUrl: "/review" })).url).toBe(
      `${server.url}/review`,
    );
  });
});
