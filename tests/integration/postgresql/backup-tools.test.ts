import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../../support/cli";
import { migratedTestDatabase, type MigratedTestDatabase } from "../../support/test-database";

// On PostgreSQL, backup and restore use pg_dump and pg_restore; a machine without them gets the command to run by hand.
let database: MigratedTestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-pgtools-"));
beforeAll(async () => {
  database = await migratedTestDatabase();
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("backup and restore without pg_dump / pg_restore on PATH say what to install and the command to run by hand", async () => {
  const backup = await runCli(database.target.url, ["backup", path.join(dir, "no-tools.dump")], { PATH: "/nonexistent" });
  expect(backup.code).toBe(1);
  expect(backup.stderr.trim()).toBe(
    `pg_dump: not found on PATH; install PostgreSQL's client tools (apt-get install postgresql-client, the server's version or newer), or run: pg_dump --format=custom --file=FILE "$DATABASE_URL"`,
  );
  expect(fs.readdirSync(dir)).toEqual([]);

  const restore = await runCli(database.target.url, ["restore", path.join(dir, "any.dump")], { PATH: "/nonexistent" });
  expect(restore.code).toBe(1);
  expect(restore.stderr.trim()).toMatch(/^pg_restore: not found on PATH; .* or run: pg_restore --exit-on-error --no-owner --no-privileges --dbname="\$DATABASE_URL" FILE \(into an empty database\)$/);
});
