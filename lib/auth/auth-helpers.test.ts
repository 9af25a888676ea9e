import { describe, expect, it } from "vitest";
import { ZEmail } from "../schemas/users";
import { clientIp } from "./client-ip";
import { bearerToken, generateApiToken, hashApiToken } from "./tokens";

describe("API tokens", () => {
  it("are random, prefixed, and hashed with SHA-256", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.startsWith(a.prefix)).toBe(true);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are read from an Authorization: Bearer header only", () => {
    expect(bearerToken("Bearer fm_abc")).toBe("fm_abc");
    expect(bearerToken("bearer  fm_abc ")).toBe("fm_abc");
    expect(bearerToken("Basic Zm9v")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});

describe("clientIp", () => {
  const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });
  it("takes the address nearest the server, skipping trusted proxies", () => {
    expect(clientIp(headers("1.1.1.1, 2.2.2.2"), 0)).toBe("2.2.2.2");
    expect(clientIp(headers("1.1.1.1, 2.2.2.2"), 1)).toBe("1.1.1.1");
    expect(clientIp(headers("1.1.1.1"), 5)).toBe("1.1.1.1");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });
});

describe("ZEmail", () => {
  it("trims and lower-cases, and names the problem", () => {
    expect(ZEmail.parse("  Ana@Example.ORG ")).toBe("ana@example.org");
    expect(ZEmail.safeParse("ana@").error?.issues[0].message).toBe("must be a valid email address");
  });
});
