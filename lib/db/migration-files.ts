import fs from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { Provider } from "./providers";
import { migrationsDir } from "./schema-variants";

export type MigrationDir = { name: string; sql: string };

/** Prisma's own layout: <provider>/migrations/<timestamp>_<name>/migration.sql. */
export function readMigrationDirs(provider: Provider, root = process.cwd()): MigrationDir[] {
  const dir = path.join(/*turbopackIgnore: true*/ root, migrationsDir(provider));
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => ({ name: entry.name, sql: fs.readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function migrationList(provider: Provider, dirs: MigrationDir[], root = process.cwd()): MigrationList {
  const baseDir = path.join(/*turbopackIgnore: true*/ root, migrationsDir(provider));
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: `provider = "${provider}"\n` },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: dir.sql } },
    })),
  };
}
