import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { hashApiToken } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/domain/actor";
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MS } from "@/lib/server/session/assert-sign-in-allowed";
import { authenticatePassword, SIGN_IN_RETENTION_MS } from "@/lib/server/session/authenticate-password";
import { authenticateToken } from "@/lib/server/session/authenticate-token";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createUser } from "@/lib/server/user/create-user";
import { AppError } from "@/lib/server/shared/errors";
import { listApiTokens } from "@/lib/server/token/list-api-tokens";
import { listUsers } from "@/lib/server/user/list-users";
import { revokeApiToken } from "@/lib/server/token/revoke-api-token";
import { updateUser } from "@/lib/server/user/update-user";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
let admin: Actor;
let editor: Actor;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  t = await migratedTestDatabase();
  const root = await t.db.user.create({ data: { email: "root@example.org", name: "Root", role: "ADMIN" } });
  admin = { id: root.id, email: root.email, name: root.name, role: "ADMIN", via: "session" };
  const created = await createUser(t.db, {
    actor: admin,
    input: { email: "editor@example.org", name: "Ed", role: "EDITOR", password: PASSWORD },
  });
  editor = { id: created.id, email: created.email, name: created.name, role: "EDITOR", via: "session" };
});
afterAll(() => t?.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error) => (error instanceof AppError ? error.code : error instanceof ZodError ? "ZOD" : String(error)),
  );

describe(`users on ${provider}`, () => {
  it("admins add users with a normalised email, a hashed password and an audit event", async () => {
    const user = await createUser(t.db, {
      actor: admin,
      input: { email: "  Mixed.Case@Example.ORG ", name: "Mixed", role: "REVIEWER", password: PASSWORD },
    });
    expect(user).toMatchObject({ email: "mixed.case@example.org", role: "REVIEWER", active: true });
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.created", payload: { contains: user.id } },
    });
    expect(event.actorId).toBe(admin.id);
  });

  it("refuses a duplicate email, whatever its case, as INVALID on email, and stores nothing", async () => {
    const before = await t.db.user.count();
    const error = await createUser(t.db, {
      actor: admin,
      input: { email: "EDITOR@example.org", name: "Dup", role: "EDITOR", password: PASSWORD },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("INVALID");
    expect(error.details.fields).toEqual([{ path: "email", message: "a user with this email already exists" }]);
    expect(await t.db.user.count()).toBe(before);
  });

  it("names every bad field", async () => {
    const error = await createUser(t.db, {
      actor: admin,
      input: { email: "nope", name: "", role: "BOSS", password: "short" },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join(".")).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
  });

  it("lets only admins list, add and change users", async () => {
    expect(await codeOf(listUsers(t.db, { actor: editor }))).toBe("FORBIDDEN");
    expect(await codeOf(createUser(t.db, { actor: editor, input: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(updateUser(t.db, { actor: editor, userId: editor.id, input: { role: "ADMIN" } }))).toBe(
      "FORBIDDEN",
    );
  });

  it("changes roles, deactivates and reactivates; an admin cannot demote or deactivate themselves", async () => {
    const user = await createUser(t.db, {
      actor: admin,
      input: { email: "temp@example.org", name: "Temp", role: "EDITOR", password: PASSWORD },
    });
    expect((await updateUser(t.db, { actor: admin, userId: user.id, input: { role: "REVIEWER" } })).role).toBe(
      "REVIEWER",
    );
    expect((await updateUser(t.db, { actor: admin, userId: user.id, input: { active: false } })).active).toBe(false);
    expect((await updateUser(t.db, { actor: admin, userId: user.id, input: { active: true } })).active).toBe(true);
    expect(await codeOf(updateUser(t.db, { actor: admin, userId: admin.id, input: { role: "EDITOR" } }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(updateUser(t.db, { actor: admin, userId: admin.id, input: { active: false } }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(updateUser(t.db, { actor: admin, userId: "missing", input: { role: "EDITOR" } }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(updateUser(t.db, { actor: admin, userId: user.id, input: {} }))).toBe("ZOD");
  });
});

describe(`API tokens on ${provider}`, () => {
  it("are shown once, stored as a hash, authenticate their user, and stop working when revoked", async () => {
    const created = await createApiToken(t.db, { actor: editor, input: { name: "cms" } });
    expect(created.token).toMatch(/^fm_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await authenticateToken(t.db, created.token))?.email).toBe(editor.email);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    expect(await authenticateToken(t.db, `${created.token}x`)).toBeNull();
    expect((await listApiTokens(t.db, { actor: editor })).map((token) => token.id)).toContain(created.id);

    expect((await revokeApiToken(t.db, { actor: editor, tokenId: created.id })).revokedAt).not.toBeNull();
    expect(await authenticateToken(t.db, created.token)).toBeNull();
  });

  it("cannot be revoked or listed by another user, admins included", async () => {
    const created = await createApiToken(t.db, { actor: editor, input: { name: "private" } });
    expect(await codeOf(revokeApiToken(t.db, { actor: admin, tokenId: created.id }))).toBe("NOT_FOUND");
    expect((await listApiTokens(t.db, { actor: admin })).map((token) => token.id)).not.toContain(created.id);
  });

  it("cannot be managed with a token: creating, listing and revoking need a browser session", async () => {
    const parent = await createApiToken(t.db, { actor: editor, input: { name: "parent" } });
    const viaToken = (await authenticateToken(t.db, parent.token))!;
    expect(viaToken.via).toBe("token");
    const before = await t.db.apiToken.count();
    const refused = await createApiToken(t.db, { actor: viaToken, input: { name: "child" } }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/browser session/);
    expect(await t.db.apiToken.count()).toBe(before);
    expect(await codeOf(listApiTokens(t.db, { actor: viaToken }))).toBe("FORBIDDEN");
    expect(await codeOf(revokeApiToken(t.db, { actor: viaToken, tokenId: parent.id }))).toBe("FORBIDDEN");
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: parent.id } })).revokedAt).toBeNull();
    // The command line, run by whoever runs the server, still creates tokens.
    expect(
      (await createApiToken(t.db, { actor: { ...editor, via: "cli" }, input: { name: "from the cli" } })).token,
    ).toMatch(/^fm_/);
  });

  it("stop working when their user is deactivated", async () => {
    const user = await createUser(t.db, {
      actor: admin,
      input: { email: "leaver@example.org", name: "Leaver", role: "EDITOR", password: PASSWORD },
    });
    const leaver: Actor = { id: user.id, email: user.email, name: user.name, role: "EDITOR", via: "session" };
    const { token } = await createApiToken(t.db, { actor: leaver, input: { name: "t" } });
    expect(await authenticateToken(t.db, token)).not.toBeNull();
    await updateUser(t.db, { actor: admin, userId: user.id, input: { active: false } });
    expect(await authenticateToken(t.db, token)).toBeNull();
    expect(await authenticatePassword(t.db, { email: user.email, password: PASSWORD, ip: "10.0.0.9" })).toBeNull();
  });
});

describe(`password sign-in on ${provider}`, () => {
  it("answers null alike for a wrong password and an unknown email", async () => {
    expect((await authenticatePassword(t.db, { email: editor.email, password: PASSWORD, ip: "10.0.1.1" }))?.id).toBe(
      editor.id,
    );
    expect(
      await authenticatePassword(t.db, { email: editor.email, password: "wrong password", ip: "10.0.1.1" }),
    ).toBeNull();
    expect(
      await authenticatePassword(t.db, { email: "nobody@example.org", password: PASSWORD, ip: "10.0.1.1" }),
    ).toBeNull();
  });

  it(`refuses an email after ${MAX_FAILED_SIGN_INS} failures in 15 minutes with a Retry-After, until the window passes`, async () => {
    const email = "target@example.org";
    await createUser(t.db, { actor: admin, input: { email, name: "Target", role: "EDITOR", password: PASSWORD } });
    const start = new Date("2030-01-01T10:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      const at = new Date(start.getTime() + attempt * 1000);
      expect(await authenticatePassword(t.db, { email, password: "wrong", ip: `10.1.0.${attempt}` }, at)).toBeNull();
    }
    const blockedAt = new Date(start.getTime() + 60_000);
    const error = await authenticatePassword(t.db, { email, password: PASSWORD, ip: "10.1.1.1" }, blockedAt).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBe((SIGN_IN_WINDOW_MS - 60_000) / 1000);
    const afterWindow = new Date(start.getTime() + SIGN_IN_WINDOW_MS + 1000);
    expect((await authenticatePassword(t.db, { email, password: PASSWORD, ip: "10.1.1.1" }, afterWindow))?.email).toBe(
      email,
    );
  });

  it("refuses an address after too many failures across different emails", async () => {
    const ip = "10.2.0.1";
    const start = new Date("2031-01-01T10:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      await authenticatePassword(
        t.db,
        { email: `guess${attempt}@example.org`, password: "x", ip },
        new Date(start.getTime() + attempt),
      );
    }
    expect(
      await codeOf(
        authenticatePassword(t.db, { email: editor.email, password: PASSWORD, ip }, new Date(start.getTime() + 5000)),
      ),
    ).toBe("RATE_LIMITED");
    expect(
      (
        await authenticatePassword(
          t.db,
          { email: editor.email, password: PASSWORD, ip: "10.2.0.2" },
          new Date(start.getTime() + 5000),
        )
      )?.id,
    ).toBe(editor.id);
  });

  it(`keeps attempts for ${SIGN_IN_RETENTION_MS / 86_400_000} days, then a sign-in prunes them`, async () => {
    const now = new Date("2040-06-01T10:00:00Z");
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
    await t.db.signInAttempt.createMany({
      data: [
        { email: "old@example.org", ip: "10.9.0.1", succeeded: false, createdAt: at(31) },
        { email: "old@example.org", ip: "10.9.0.1", succeeded: true, createdAt: at(45) },
        { email: "recent@example.org", ip: "10.9.0.2", succeeded: false, createdAt: at(29) },
      ],
    });
    expect(
      await authenticatePassword(t.db, { email: editor.email, password: PASSWORD, ip: "10.9.0.3" }, now),
    ).not.toBeNull();
    expect(await t.db.signInAttempt.count({ where: { email: "old@example.org" } })).toBe(0);
    expect(await t.db.signInAttempt.count({ where: { email: "recent@example.org" } })).toBe(1);
    expect(await t.db.signInAttempt.count({ where: { email: editor.email, createdAt: now } })).toBe(1);
  });

  it("a successful sign-in clears the email's earlier failures", async () => {
    const start = new Date("2032-01-01T10:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt++) {
      await authenticatePassword(
        t.db,
        { email: editor.email, password: "wrong", ip: `10.3.0.${attempt}` },
        new Date(start.getTime() + attempt),
      );
    }
    expect(
      await authenticatePassword(
        t.db,
        { email: editor.email, password: PASSWORD, ip: "10.3.1.1" },
        new Date(start.getTime() + 100),
      ),
    ).not.toBeNull();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt++) {
      await authenticatePassword(
        t.db,
        { email: editor.email, password: "wrong", ip: `10.3.2.${attempt}` },
        new Date(start.getTime() + 200 + attempt),
      );
    }
    expect(
      await authenticatePassword(
        t.db,
        { email: editor.email, password: PASSWORD, ip: "10.3.1.1" },
        new Date(start.getTime() + 300),
      ),
    ).not.toBeNull();
  });
});
