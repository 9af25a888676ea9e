import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { newTestDatabase, testProvider } from "../support/test-database";

const provider = testProvider();
const database = newTestDatabase();
afterAll(() => database.drop());

/** Runs scripts/setup.ts as npm start does; never throws, returns code and output. */
async function setup(databaseUrl: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/setup.ts"], {
      // NODE_ENV=test (set by vitest) would make Next's env loader skip .env.local; npm start never runs with it.
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe(`npm start's setup on ${provider}`, () => {
  it("migrates and seeds a new database on the first run, and on the second changes nothing", async () => {
    const first = await setup(database.target.url);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied \d+ migration/);
    expect(first.stdout).toContain("first run: created the demo users and the demo article");

    const second = await setup(database.target.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("database up to date");
    expect(second.stdout).not.toContain("first run");

    const db = await createDb(database.target);
    try {
      expect((await db.user.findMany({ orderBy: { email: "asc" } })).map((user) => user.role)).toEqual([
        "ADMIN",
        "EDITOR",
        "REVIEWER",
      ]);
      expect(await db.article.count()).toBe(1);
      const annotations = await db.annotation.findMany({ include: { revision: true } });
      expect(annotations.length).toBeGreaterThanOrEqual(3);
      for (const annotation of annotations)
        expect(annotation.revision.text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    [
      "a malformed URL",
      "mysql://root@localhost/factmark",
      /^\[factmark\] Invalid configuration: DATABASE_URL: must start with postgresql:\/\//,
    ],
    [
      "an unreachable database",
      provider === "sqlite" ? "file:/dev/null/x.db" : "postgresql://root@127.0.0.1:1/factmark",
      /^\[factmark\] DATABASE_URL: (cannot use the database: connection refused|cannot create the folder \/dev\/null for the SQLite file)/,
    ],
  ])("exits 1 with one line naming DATABASE_URL for %s", async (_case, url, message) => {
    const result = await setup(url);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});
