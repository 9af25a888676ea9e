import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDir, providerSchemaPath } from "@/lib/db/schema-variants";
import type { Provider } from "@/lib/db/providers";

/**
 * A throw-away project root holding this repository's schema and the first
 * `keep` migrations of `provider`, so tests can add migrations (a later
 * `git pull`, a broken file) without touching the real folder.
 */
export function tempMigrationsRoot(provider: Provider, keep = Infinity) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-root-"));
  fs.mkdirSync(path.join(root, path.dirname(providerSchemaPath(provider))), { recursive: true });
  fs.copyFileSync(providerSchemaPath(provider), path.join(root, providerSchemaPath(provider)));
  const source = migrationsDir(provider);
  const names = fs
    .readdirSync(source)
    .filter((name) => fs.statSync(path.join(source, name)).isDirectory())
    .sort()
    .slice(0, keep);
  for (const name of names) {
    fs.mkdirSync(path.join(root, source, name), { recursive: true });
    fs.copyFileSync(path.join(source, name, "migration.sql"), path.join(root, source, name, "migration.sql"));
  }
  return {
    root,
    names,
    addMigration(name: string, sql: string) {
      fs.mkdirSync(path.join(root, source, name), { recursive: true });
      fs.writeFileSync(path.join(root, source, name, "migration.sql"), sql);
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
