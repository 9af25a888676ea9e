import { afterEach, describe, expect, it, vi } from "vitest";
import path from "node:path";
import {
  ConfigError,
  databaseTarget,
  nextProcess,
  parseEnv,
  publicUrlSetting,
  setting,
  sqliteSynchronous,
} from "./env";

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("fills defaults for a minimal environment", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: " " });
    expect(env).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
      FACTMARK_PUBLISHER: "Factmark newsroom",
      FACTMARK_DB_THREAD: "on",
      FACTMARK_SEARCH_THREADS: 1,
      FACTMARK_SEARCH_CACHE: "on",
      FACTMARK_SQLITE_SYNCHRONOUS: "full",
    });
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
    [{ FACTMARK_SEARCH_THREADS: "on" }, "FACTMARK_SEARCH_THREADS: must be a number"],
    [{ FACTMARK_SEARCH_THREADS: "9" }, "FACTMARK_SEARCH_THREADS: must be 4 or less"],
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
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "app1.newsroom.internal"])
      expect(parseEnv({ NEXTAUTH_SECRET: SECRET, HOST: host }).HOST).toBe(host);
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
    expect(() => sqliteSynchronous({ FACTMARK_SQLITE_SYNCHRONOUS: "OFF" })).toThrow(
      "FACTMARK_SQLITE_SYNCHRONOUS: must be full or normal",
    );
  });
});

describe("FACTMARK_PUBLIC_URL", () => {
  it("is optional, an http(s) URL when given, and read alone (the CLI) with the same rule", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }).FACTMARK_PUBLIC_URL).toBeUndefined();
    expect(
      parseEnv({ NEXTAUTH_SECRET: SECRET, FACTMARK_PUBLIC_URL: " https://checks.example/fact-checks " })
        .FACTMARK_PUBLIC_URL,
    ).toBe("https://checks.example/fact-checks");
    expect(publicUrlSetting({})).toBeNull();
    expect(publicUrlSetting({ FACTMARK_PUBLIC_URL: "https://checks.example" })).toBe("https://checks.example");
    expect(() => publicUrlSetting({ FACTMARK_PUBLIC_URL: "javascript:alert(1)" })).toThrow(
      "FACTMARK_PUBLIC_URL: must be an http(s) URL",
    );
  });
});

describe("setting", () => {
  it("reads one variable with env()'s defaults and rules, without the server's NEXTAUTH_SECRET", () => {
    expect(setting("PORT", {})).toBe(3000);
    expect(setting("PORT", { PORT: "4000" })).toBe(4000);
    expect(setting("HOST", {})).toBe("127.0.0.1");
    expect(setting("FACTMARK_PUBLISHER", {})).toBe("Factmark newsroom");
    expect(setting("NEXTAUTH_URL", { NEXTAUTH_URL: " " })).toBeUndefined();
    expect(setting("TRUSTED_PROXY_HOPS", { TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(setting("FACTMARK_FETCH_PRIVATE_HOSTS", {})).toBe("deny");
    expect(() => setting("PORT", { PORT: "abc" })).toThrow("Invalid configuration: PORT: must be a number");
    expect(() => setting("FACTMARK_FETCH_PRIVATE_HOSTS", { FACTMARK_FETCH_PRIVATE_HOSTS: "yes" })).toThrow(ConfigError);
  });

  it("reads process.env afresh on every call (tests change it between cases)", () => {
    vi.stubEnv("FACTMARK_PUBLISHER", "Desk one");
    expect(setting("FACTMARK_PUBLISHER")).toBe("Desk one");
    vi.stubEnv("FACTMARK_PUBLISHER", "Desk two");
    expect(setting("FACTMARK_PUBLISHER")).toBe("Desk two");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
});

describe("POSTGRES_ADMIN_URL", () => {
  it("is optional and must be a PostgreSQL URL when given", () => {
    expect(setting("POSTGRES_ADMIN_URL", {})).toBeUndefined();
    expect(setting("POSTGRES_ADMIN_URL", { POSTGRES_ADMIN_URL: "postgresql://root@localhost/postgres" })).toBe(
      "postgresql://root@localhost/postgres",
    );
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, POSTGRES_ADMIN_URL: "mysql://x/y" })).toThrow(
      "POSTGRES_ADMIN_URL: must start with postgresql://",
    );
  });
});

describe("databaseTarget", () => {
  it("is the embedded SQLite file unless DATABASE_URL names another database", () => {
    expect(databaseTarget({})).toMatchObject({ provider: "sqlite", file: path.resolve("data/factmark.db") });
    expect(databaseTarget({ DATABASE_URL: "postgresql://u@h/factmark" })).toEqual({
      provider: "postgresql",
      url: "postgresql://u@h/factmark",
    });
    expect(() => databaseTarget({ DATABASE_URL: "mysql://x/y" })).toThrow(
      /^DATABASE_URL: must start with postgresql:\/\//,
    );
  });
});

describe("nextProcess", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("says whether this is a Next server, and in which mode, from Next's own variables", () => {
    vi.stubEnv("NEXT_RUNTIME", "");
    vi.stubEnv("NODE_ENV", "test");
    expect(nextProcess()).toEqual({ nextServer: false, production: false, development: false });
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NODE_ENV", "production");
    expect(nextProcess()).toEqual({ nextServer: true, production: true, development: false });
    vi.stubEnv("NODE_ENV", "development");
    expect(nextProcess().development).toBe(true);
  });
});
