import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresDatabaseName, postgresUrlWithDatabase, resolveDatabase } from "./providers";

describe("resolveDatabase", () => {
  it("uses the embedded SQLite file under ./data when DATABASE_URL is unset or blank", () => {
    for (const value of [undefined, "", "   "]) {
      expect(resolveDatabase(value, "/srv/app")).toEqual({
        provider: "sqlite",
        file: "/srv/app/data/factmark.db",
        url: "file:/srv/app/data/factmark.db",
      });
    }
  });

  it("accepts relative and absolute file: URLs", () => {
    expect(resolveDatabase("file:./x/y.db", "/srv/app")).toMatchObject({
      provider: "sqlite",
      file: path.resolve("/srv/app/x/y.db"),
    });
    expect(resolveDatabase("file:/tmp/z.db", "/srv/app")).toMatchObject({ provider: "sqlite", file: "/tmp/z.db" });
  });

  it("recognises postgresql:// and postgres:// URLs", () => {
    const url = "postgresql://root@localhost/factmark?host=/var/run/postgresql";
    expect(resolveDatabase(url)).toEqual({ provider: "postgresql", url });
    expect(resolveDatabase("postgres://u:p@db:5432/news").provider).toBe("postgresql");
  });

  it.each([
    ["mysql://root@localhost/x", /must start with postgresql:\/\//],
    ["postgresql://root@localhost", /names no database/],
    ["postgresql://root@localhost/", /names no database/],
    ["postgresql://[bad", /not a valid URL/],
    ["file:", /needs a path/],
  ])("rejects %s with a message naming DATABASE_URL", (value, message) => {
    expect(() => resolveDatabase(value)).toThrow(/^DATABASE_URL: /);
    expect(() => resolveDatabase(value)).toThrow(message);
  });
});

describe("PostgreSQL URL helpers", () => {
  it("reads and replaces the database name, keeping the socket host", () => {
    const url = "postgresql://root@localhost/fact%20mark?host=/var/run/postgresql";
    expect(postgresDatabaseName(url)).toBe("fact mark");
    const other = postgresUrlWithDatabase(url, "postgres");
    expect(postgresDatabaseName(other)).toBe("postgres");
    expect(new URL(other).searchParams.get("host")).toBe("/var/run/postgresql");
  });
});
