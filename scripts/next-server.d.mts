// Types for scripts/next-server.mjs, which the TypeScript benchmarks and tests import.
import type { ChildProcess, StdioOptions } from "node:child_process";

export const serverNodeFlags: string[];
export function buildNext(env?: Record<string, string>): number;
export function startNextServer(options: {
  port: number | string;
  host?: string;
  dev?: boolean;
  env?: Record<string, string | undefined>;
  nodeArgs?: string[];
  stdio?: StdioOptions;
}): ChildProcess;
