import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beginImmediately, cacheStatements } from "./sqlite-adapter";

describe("cacheStatements", () => {
  it("reuses one prepared statement with fresh arguments at every call, as the Prisma adapter calls it", () => {
    const client = new Database(":memory:");
    cacheStatements(client);
    client.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)").run();
    const insert = "INSERT INTO t (name) VALUES (?)";
    for (const name of ["a", "b", "c"]) client.prepare(insert).bind([name]).run();
    const select = "SELECT id, name FROM t WHERE name <> ? ORDER BY id";
    const first = client.prepare(select).bind(["a"]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((column: { name: string }) => column.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([
      [2, "b"],
      [3, "c"],
    ]);
    expect(client.prepare(select).bind(["c"]).raw().all()).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(client.prepare(insert).reader).toBe(false);
  });

  it("sees new result columns after a schema change", () => {
    const client = new Database(":memory:");
    cacheStatements(client);
    client.prepare("CREATE TABLE v (a TEXT)").run();
    const select = "SELECT * FROM v";
    expect(
      client
        .prepare(select)
        .bind([])
        .columns()
        .map((column: { name: string }) => column.name),
    ).toEqual(["a"]);
    client.prepare("ALTER TABLE v ADD COLUMN b TEXT").run();
    expect(
      client
        .prepare(select)
        .bind([])
        .columns()
        .map((column: { name: string }) => column.name),
    ).toEqual(["a", "b"]);
  });

  it("keeps working after a statement failed (a constraint error does not poison the cache)", () => {
    const client = new Database(":memory:");
    cacheStatements(client);
    client.prepare("CREATE TABLE u (name TEXT UNIQUE)").run();
    const insert = "INSERT INTO u (name) VALUES (?)";
    client.prepare(insert).bind(["x"]).run();
    expect(() => client.prepare(insert).bind(["x"]).run()).toThrow(/UNIQUE/);
    client.prepare(insert).bind(["y"]).run();
    expect(client.prepare("SELECT count(*) AS n FROM u").bind([]).raw().all()).toEqual([[2]]);
  });
});

describe("beginImmediately", () => {
  it("opens a writer's transactions with BEGIN IMMEDIATE, holding the write lock from the start; a read-only connection keeps BEGIN", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-begin-"));
    const file = path.join(dir, "begin.db");
    try {
      const writer = new Database(file);
      writer.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY)").run();
      beginImmediately(writer);
      cacheStatements(writer);
      const other = new Database(file, { timeout: 0 });
      writer.prepare("BEGIN").bind([]).run();
      // Nothing written yet, and still another connection cannot start writing.
      expect(() => other.prepare("INSERT INTO t DEFAULT VALUES").run()).toThrow(/locked|busy/i);
      writer.prepare("COMMIT").bind([]).run();
      other.prepare("INSERT INTO t DEFAULT VALUES").run();

      const reader = new Database(file, { readonly: true });
      beginImmediately(reader);
      expect(reader.prepare("BEGIN").source).toBe("BEGIN");
      for (const db of [writer, other, reader]) db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
