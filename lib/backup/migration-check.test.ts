import { describe, expect, it } from "vitest";
import {
  appliedNames,
  backupStamp,
  BackupRefusal,
  parseMigrationsCopy,
  refuseNewerMigrations,
} from "./migration-check";

const KNOWN = ["20260101000000_init", "20260201000000_comments"];

describe("refuseNewerMigrations", () => {
  it("accepts a backup at this code's migrations or an older one", () => {
    expect(() => refuseNewerMigrations(KNOWN, KNOWN)).not.toThrow();
    expect(() => refuseNewerMigrations(KNOWN.slice(0, 1), KNOWN)).not.toThrow();
  });

  it("refuses a migration this code does not know, naming it", () => {
    const run = () => refuseNewerMigrations([...KNOWN, "20270101000000_future"], KNOWN);
    expect(run).toThrow(BackupRefusal);
    expect(run).toThrow(
      /^file: comes from a newer version of Factmark \(migration 20270101000000_future unknown here\)/,
    );
  });

  it("refuses a database with no migrations: not a Factmark backup", () => {
    expect(() => refuseNewerMigrations([], KNOWN)).toThrow("file: not a Factmark backup");
  });
});

describe("appliedNames", () => {
  it("counts finished migrations that were not rolled back, oldest first", () => {
    expect(
      appliedNames([
        { migration_name: "d", finished_at: "2026-01-03", rolled_back_at: null },
        { migration_name: "a", finished_at: "2026-01-01", rolled_back_at: null },
        { migration_name: "b", finished_at: null, rolled_back_at: null },
        { migration_name: "c", finished_at: "2026-01-01", rolled_back_at: "2026-01-02" },
      ]),
    ).toEqual(["a", "d"]);
  });
});

describe("parseMigrationsCopy", () => {
  it("reads the rows of pg_restore's COPY block, \\N as null", () => {
    const sql = [
      "SET statement_timeout = 0;",
      "COPY public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) FROM stdin;",
      "1f\tabc\t2026-11-30 12:00:00.1+00\t20260101000000_init\t\\N\t\\N\t2026-11-30 12:00:00+00\t1",
      "2f\tdef\t\\N\t20260201000000_comments\t\\N\t\\N\t2026-11-30 12:00:00+00\t0",
      "\\.",
      "",
    ].join("\n");
    expect(parseMigrationsCopy(sql)).toEqual([
      { migration_name: "20260101000000_init", finished_at: "2026-11-30 12:00:00.1+00", rolled_back_at: null },
      { migration_name: "20260201000000_comments", finished_at: null, rolled_back_at: null },
    ]);
  });

  it("is undefined when the dump has no migrations table", () => {
    expect(parseMigrationsCopy("SET client_encoding = 'UTF8';\n")).toBeUndefined();
  });
});

describe("backupStamp", () => {
  it("is the UTC time without separators", () => {
    expect(backupStamp(new Date("2026-11-30T12:34:56.789Z"))).toBe("20261130T123456Z");
  });
});
