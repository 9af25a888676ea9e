import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, publicUrlSetting, sqliteSynchronous } from "./env";

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("fills defaults for a minimal environment", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: " " });
    expect(env).toMatchObject({ HOST: "127.0.0.1", PORT: 3000, FACTMARK_PUBLISHER: "Factmark newsroom", FACTMARK_DB_THREAD: "on", FACTMARK_SQLITE_SYNCHRONOUS: "full" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, "PORT: must be a number"],
    [{ PORT: "70000" }, "PORT:"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET: must be at least 32 characters"],
    [{ NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET: is missing"],
    [{ DATABASE_URL: "mysql://x/y" }, "DATABASE_URL: must start with postgresql://"],
    [{ NEXTAUTH_URL: "ftp://example.org" }, "NEXTAUTH_URL: must be an http(s) URL"],
    [{ GITHUB_ID: "abc" }, "GITHUB_SECRET: GitHub sign-in needs both"],
    [{ FACTMARK_DB_THREAD: "yes" }, "FACTMARK_DB_THREAD: must be on or off"],
    [{ HOST: "0.0.0.0 evil" }, "HOST: must be an IP address or host name"],
    [{ HOST: "http://example.org" }, "HOST: must be an IP address or host name"],
    [{ FACTMARK_SQLITE_SYNCHRONOUS: "off" }, "FACTMARK_SQLITE_SYNCHRONOUS: must be full or normal"],
    [{ FACTMARK_PUBLIC_URL: "checks.example/fact-checks" }, "FACTMARK_PUBLIC_URL: must be an http(s) URL"],
    [{ FACTMARK_PUBLIC_URL: "ftp://checks.example/" }, "FACTMARK_PUBLIC_URL: must be an http(s) URL"],
  ])("rejects %o naming the variable", (overrides, message) => {
    const run = () => parseEnv({ NEXTAUTH_SECRET: SECRET, ...overrides });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it("takes a HOST to listen on: an address or a host name", () => {
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "app1.newsroom.internal"]) expect(parseEnv({ NEXTAUTH_SECRET: SECRET, HOST: host }).HOST).toBe(host);
  });

  it("puts every problem on one line", () => {
    try {
      parseEnv({ PORT: "x", DATABASE_URL: "nope" });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain("\n");
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("NEXTAUTH_SECRET");
    }
  });
});

describe("sqliteSynchronous", () => {
  it("is full unless normal is asked for, and names the variable when bad", () => {
    expect(sqliteSynchronous({})).toBe("full");
    expect(sqliteSynchronous({ FACTMARK_SQLITE_SYNCHRONOUS: " normal " })).toBe("normal");
    expect(() => sqliteSynchronous({ FACTMARK_SQLITE_SYNCHRONOUS: "OFF" })).toThrow("FACTMARK_SQLITE_SYNCHRONOUS: must be full or normal");
  });
});

describe("FACTMARK_PUBLIC_URL", () => {
  it("is optional, an http(s) URL when given, and read alone (the CLI) with the same rule", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }).FACTMARK_PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, FACTMARK_PUBLIC_URL: " https://checks.example/fact-checks " }).FACTMARK_PUBLIC_URL).toBe("https://checks.example/fact-checks");
    expect(publicUrlSetting({})).toBeNull();
    expect(publicUrlSetting({ FACTMARK_PUBLIC_URL: "https://checks.example" })).toBe("https://checks.example");
    expect(() => publicUrlSetting({ FACTMARK_PUBLIC_URL: "javascript:alert(1)" })).toThrow("FACTMARK_PUBLIC_URL: must be an http(s) URL");
  });
});
