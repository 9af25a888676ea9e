import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROVIDERS } from "./providers";
import { providerSchema, providerSchemaPath } from "./schema-variants";

const STAMP = "lib/db/generated/.model-hash";

/**
 * Writes each provider's schema from prisma/model.prisma and generates its
 * client, unless the model and Prisma's version are unchanged since last time.
 * Returns whether it generated.
 */
export function generateClients(root = process.cwd(), force = false): boolean {
  const model = fs.readFileSync(path.join(root, "prisma/model.prisma"), "utf8");
  const prismaVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/prisma/package.json"), "utf8"))
    .version as string;
  const hash = createHash("sha256")
    .update(prismaVersion)
    .update(model)
    .update(fs.readFileSync(new URL(import.meta.url)))
    .digest("hex");
  const stampFile = path.join(root, STAMP);
  const upToDate = fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash;
  for (const provider of PROVIDERS) {
    const file = path.join(root, providerSchemaPath(provider));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = providerSchema(model, provider);
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  }
  if (upToDate && !force) return false;
  for (const provider of PROVIDERS) runPrismaGenerate(root, providerSchemaPath(provider));
  fs.writeFileSync(stampFile, hash);
  return true;
}

/**
 * `prisma generate` never runs the schema engine but insists that its binary
 * exists, and would download it from a server this network cannot reach.
 * Any existing file satisfies the check (docs/decisions/002).
 */
function runPrismaGenerate(root: string, schema: string): void {
  const placeholder = path.join(root, "node_modules/.factmark-no-schema-engine");
  if (!fs.existsSync(placeholder))
    fs.writeFileSync(placeholder, "Factmark migrates with @prisma/schema-engine-wasm; see docs/decisions/002.\n");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      // The whole environment for the child (PATH, HOME), not a setting read.
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
}
