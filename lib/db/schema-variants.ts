import type { Provider } from "./providers";

/**
 * prisma/model.prisma holds models only; each provider's schema is that model
 * behind its own generator and datasource block. Pure, so it is unit-tested.
 */
export function providerSchema(model: string, provider: Provider): string {
  if (/^\s*(datasource|generator)\s+\w+\s*\{/m.test(model)) {
    throw new Error("prisma/model.prisma must not declare a datasource or generator: they are added per provider");
  }
  return [
    `// GENERATED from prisma/model.prisma by scripts/db/generate.ts. Do not edit.`,
    ``,
    `generator client {`,
    `  provider     = "prisma-client"`,
    `  output       = "../../lib/db/generated/${provider}"`,
    `  moduleFormat = "esm"`,
    `}`,
    ``,
    `datasource db {`,
    `  provider = "${provider}"`,
    `}`,
    ``,
    model.trim(),
    ``,
  ].join("\n");
}

export const providerSchemaPath = (provider: Provider) => `prisma/${provider}/schema.prisma`;
export const migrationsDir = (provider: Provider) => `prisma/${provider}/migrations`;
