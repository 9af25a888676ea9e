import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { runCli } from "../../support/cli";
import {
  DEFAULT_POSTGRES_TEST_URL,
  migratedTestDatabase,
  type MigratedTestDatabase,
} from "../../support/test-database";

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
  const backup = await runCli(database.target.url, ["backup", path.join(dir, "no-tools.dump")], {
    PATH: "/nonexistent",
  });
  expect(backup.code).toBe(1);
  expect(backup.stderr.trim()).toBe(
    `pg_dump: not found on PATH; install PostgreSQL's client tools (apt-get install postgresql-client, the server's version or newer), or run: pg_dump --format=custom --file=FILE "$DATABASE_URL"`,
  );
  expect(fs.readdirSync(dir)).toEqual([]);

  const restore = await runCli(database.target.url, ["restore", path.join(dir, "any.dump")], { PATH: "/nonexistent" });
  expect(restore.code).toBe(1);
  expect(restore.stderr.trim()).toMatch(
    /^pg_restore: not found on PATH; .* or run: pg_restore --exit-on-error --no-owner --no-privileges --dbname="\$DATABASE_URL" FILE \(into an empty database\)$/,
  );
});

it("with a password-protected role that may not create databases: backup works, restore refuses saying why and how to restore by hand", async () => {
  const adminUrl = process.env.POSTGRES_TEST_URL || DEFAULT_POSTGRES_TEST_URL;
  const id = randomBytes(4).toString("hex");
  const [role, password, name] = [`factmark_nocreatedb_${id}`, `pw-${id}`, `factmark_test_owned_${id}`];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOCREATEDB`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${role}`);
    // Over TCP, where the server asks for the password (the socket would authenticate by OS user).
    const url = `postgresql://${role}:${password}@127.0.0.1/${name}`;
    await applyPendingMigrations({ provider: "postgresql", url });

    const file = path.join(dir, "owned.dump");
    const backup = await runCli(url, ["backup", file]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const restore = await runCli(url, ["restore", file]);
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim()).toMatch(
      /^restore: cannot create a database to restore into \(permission denied to create database\); the role needs CREATEDB, or restore by hand: pg_restore /,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  }
});
