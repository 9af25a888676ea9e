import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

/**
 * Three projects: pure unit tests beside the code, and the same integration
 * files run once against SQLite and once against PostgreSQL.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    // Two files at a time even on 2 cores (Vitest's default there is one): unit files spend their time
    // importing, integration files waiting on the database server, an app server or a CLI child.
    // Measured on the 2-core machine: unit 31.6 s → 19.4 s.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts?(x)"],
          environment: "node",
          globalSetup: ["tests/support/word-vectors-setup.ts"],
          // A few unit tests work through megabytes of HTML (1.5 MB of paragraphs, the page corpus): about a second
          // each on a quiet machine, past the default 5 s on a busy 2-core one running the other suites beside them.
          testTimeout: 20_000,
        },
      },
      ...(["sqlite", "postgresql"] as const).map((provider) => ({
        resolve: { alias },
        test: {
          name: `integration-${provider}`,
          // tests/integration/postgresql/ holds what only PostgreSQL has (LISTEN/NOTIFY, several app servers),
          // tests/integration/sqlite/ what only SQLite has (its database thread).
          include: ["tests/integration/*.test.ts", `tests/integration/${provider}/**/*.test.ts`],
          environment: "node",
          env: { FACTMARK_TEST_PROVIDER: provider },
          // One migrated template database per run; each file's database is a copy of it.
          globalSetup: ["tests/support/word-vectors-setup.ts", "tests/support/template-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files share one PostgreSQL server; each makes its own database, so files may run in parallel.
          fileParallelism: true,
        },
      })),
    ],
  },
});
