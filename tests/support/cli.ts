import { execFile } from "node:child_process";
import { promisify } from "node:util";

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `npm run cli -- …` on that database as a script would (stdin is a pipe, not a TTY); never throws. */
export async function runCli(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/cli.ts", ...args],
      {
        // NODE_ENV=test (set by vitest) would make Next's env loader skip .env.local; real runs never have it.
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, ...env },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
