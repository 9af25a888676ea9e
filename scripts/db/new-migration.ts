// npm run db:migration -- <name>: after editing prisma/model.prisma, writes the
// migration that brings each provider's database to the model.
import fs from "node:fs";
import path from "node:path";
import { generateClients } from "../../lib/db/generate-clients";
import { diffModels, MIGRATED_MODEL, readMigratedModel } from "../../lib/db/migration-diff";
import { wrapInTransaction } from "../../lib/db/migrations";
import { PROVIDERS } from "../../lib/db/providers";
import { migrationsDir } from "../../lib/db/schema-variants";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "usage: npm run db:migration -- <name>   (name: lower-case letters, digits and _, e.g. add_source_language)",
  );
  process.exit(2);
}

const model = fs.readFileSync("prisma/model.prisma", "utf8");
const migrated = readMigratedModel();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
generateClients();

const planned = [];
for (const provider of PROVIDERS) {
  planned.push({ provider, sql: await diffModels(provider, migrated, model) });
}
if (planned.every((entry) => !entry.sql)) {
  console.log("The migrations already match prisma/model.prisma; nothing written.");
  process.exit(0);
}
for (const { provider, sql } of planned) {
  if (!sql) continue;
  const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), wrapInTransaction(sql, provider));
  fs.writeFileSync(
    path.join(migrationsDir(provider), "migration_lock.toml"),
    `# Written by npm run db:migration. Do not edit.\nprovider = "${provider}"\n`,
  );
  console.log(`${provider}: wrote ${dir}/migration.sql`);
}
fs.writeFileSync(MIGRATED_MODEL, model);
console.log(`Updated ${MIGRATED_MODEL}. Apply with: npm run db:migrate`);
