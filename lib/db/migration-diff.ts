import fs from "node:fs";
import path from "node:path";
import { setting } from "../config/env";
import type { DatabaseTarget, Provider } from "./providers";
import { openSchemaEngine } from "./schema-engine";
import { providerSchema } from "./schema-variants";

/**
 * The model as of the latest migration. `npm run db:migration` diffs it against
 * prisma/model.prisma, then replaces it. Diffing two datamodels needs no
 * database (introspecting PostgreSQL through the WebAssembly engine fails on a
 * "char" catalog column; see docs/decisions/002).
 */
export const MIGRATED_MODEL = "prisma/model.migrated.prisma";

/** Where the PostgreSQL engine connects while diffing: the local server over its socket. */
export const DEFAULT_POSTGRES_ADMIN_URL = "postgresql://root@localhost/postgres?host=/var/run/postgresql";

/**
 * The engine connects at start even for a datamodel diff: SQLite in memory,
 * PostgreSQL's maintenance database (read, never written).
 */
function diffTarget(provider: Provider): DatabaseTarget {
  if (provider === "sqlite") return { provider, file: ":memory:", url: "file::memory:" };
  return { provider, url: setting("POSTGRES_ADMIN_URL") ?? DEFAULT_POSTGRES_ADMIN_URL };
}

export function readMigratedModel(root = process.cwd()): string | null {
  const file = path.join(root, MIGRATED_MODEL);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** The SQL that takes the migrated model to `model` on `provider`; "" when they match. */
export async function diffModels(provider: Provider, fromModel: string | null, toModel: string): Promise<string> {
  const toPath = `${provider}/schema.prisma`;
  const to = providerSchema(toModel, provider);
  const handle = await openSchemaEngine(diffTarget(provider), toPath, to);
  try {
    const result = await handle.engine.diff({
      from:
        fromModel === null
          ? { tag: "empty" }
          : {
              tag: "schemaDatamodel",
              files: [{ path: `${provider}/migrated.prisma`, content: providerSchema(fromModel, provider) }],
            },
      to: { tag: "schemaDatamodel", files: [{ path: toPath, content: to }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return meaningfulSql(result.stdout ?? "");
  } catch (error) {
    throw new Error(`diff for ${provider} failed: ${handle.explain(error)}`);
  } finally {
    await handle.dispose();
  }
}

/** Prisma prints "-- This is an empty migration." when nothing changed. */
function meaningfulSql(sql: string): string {
  const statements = sql.split("\n").filter((line) => line.trim() && !line.trim().startsWith("--"));
  return statements.length ? sql.trim() : "";
}
