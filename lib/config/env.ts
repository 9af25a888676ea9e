import { z } from "zod";
import { resolveDatabase, type DatabaseTarget } from "../db/providers";

/**
 * Every setting Factmark reads, validated once at start-up so a bad value
 * stops the app with a message that names the variable. Documented in
 * .env.example. The one module that reads process.env for settings
 * (docs/decisions/001-layers-and-layout.md lists the exceptions and why).
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/**
 * SQLite's synchronous pragma for the app's writing connections. full (default): a
 * commit is fsynced before it is acknowledged, so it survives a power loss; normal:
 * faster, but the last commits before a power loss (not a crash of the app) can be
 * lost. See docs/decisions/013-backups-and-durability.md.
 */
const SqliteSynchronous = optionalText.pipe(
  z.enum(["full", "normal"], { error: "must be full or normal" }).default("full"),
);

export const EnvSchema = z
  .object({
    DATABASE_URL: optionalText.superRefine((value, ctx) => {
      try {
        resolveDatabase(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^DATABASE_URL: /, "") });
      }
    }),
    NEXTAUTH_SECRET: z
      .string({ error: "is missing (npm start writes one to .env.local)" })
      .min(32, "must be at least 32 characters"),
    NEXTAUTH_URL: optionalText.pipe(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" }).optional(),
    ),
    // Loopback unless set: the first run prints the demo accounts' passwords, which must not be a network's to use.
    HOST: optionalText.pipe(
      z
        .union([z.ipv4(), z.ipv6(), z.hostname()], {
          error: "must be an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0",
        })
        .default("127.0.0.1"),
    ),
    PORT: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1).max(65535).default(3000),
    // Where readers find published fact-checks: the reader exports link there (article id appended), never to the workbench.
    FACTMARK_PUBLIC_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://checks.example/fact-checks" })
        .optional(),
    ),
    FACTMARK_PUBLISHER: z.string().trim().min(1, "must not be empty").default("Factmark newsroom"),
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(10)
      .default(0),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    FACTMARK_FETCH_PRIVATE_HOSTS: optionalText.pipe(
      z.enum(["allow", "deny"], { error: "must be allow or deny" }).default("deny"),
    ),
    FACTMARK_DB_THREAD: optionalText.pipe(z.enum(["on", "off"], { error: "must be on or off" }).default("on")),
    FACTMARK_SEARCH_THREADS: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(4, "must be 4 or less")
      .default(1),
    FACTMARK_SEARCH_CACHE: optionalText.pipe(z.enum(["on", "off"], { error: "must be on or off" }).default("on")),
    FACTMARK_SQLITE_SYNCHRONOUS: SqliteSynchronous,
    // Where `npm run db:migration` diffs the PostgreSQL model (a developer's tool; the app never connects there).
    POSTGRES_ADMIN_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgresql://")
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.GITHUB_ID) !== Boolean(env.GITHUB_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID"],
        message: "GitHub sign-in needs both GITHUB_ID and GITHUB_SECRET",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

/** One line, naming each bad variable: "Invalid configuration: PORT: must be a number". */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * One setting read alone and validated as env() validates it, for code that
 * runs without the server's settings (the CLI, scripts, tests: no
 * NEXTAUTH_SECRET, where env() would refuse). Not cached: tests change
 * process.env between cases.
 */
export function setting<K extends keyof Env>(
  name: K,
  source: Record<string, string | undefined> = process.env,
): Env[K] {
  const result = EnvSchema.shape[name].safeParse(source[name]);
  if (result.success) return result.data as Env[K];
  throw new ConfigError(`Invalid configuration: ${name}: ${result.error.issues[0].message}`);
}

/** The database DATABASE_URL names (none: the embedded SQLite file); throws an Error naming DATABASE_URL. */
export function databaseTarget(source: Record<string, string | undefined> = process.env): DatabaseTarget {
  return resolveDatabase(source.DATABASE_URL);
}

/** FACTMARK_PUBLIC_URL read alone, for the CLI (which has no NEXTAUTH_SECRET). */
export function publicUrlSetting(source: Record<string, string | undefined> = process.env): string | null {
  return setting("FACTMARK_PUBLIC_URL", source) ?? null;
}

/** The one setting a database connection needs, read alone (the CLI and tests open databases; the server checked it at start-up). */
export function sqliteSynchronous(
  source: Record<string, string | undefined> = process.env,
): Env["FACTMARK_SQLITE_SYNCHRONOUS"] {
  return setting("FACTMARK_SQLITE_SYNCHRONOUS", source);
}

/**
 * Facts Next.js sets about the process, not settings anyone gives: read as
 * they are, never validated (Vitest sets NODE_ENV=test; Next inlines NODE_ENV
 * when it bundles). `nextServer`: inside `next start` or `next dev` (Node
 * runtime), where env() can run; the CLI and tests are not.
 */
export function nextProcess(): { nextServer: boolean; production: boolean; development: boolean } {
  return {
    nextServer: process.env.NEXT_RUNTIME === "nodejs",
    production: process.env.NODE_ENV === "production",
    development: process.env.NODE_ENV === "development",
  };
}
