import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { dependenciesCurrent } from "../../../scripts/bootstrap.mjs";
import { freePort } from "../../support/app-server";
import { newTestDatabase } from "../../support/test-database";

// `npm start` (scripts/start.mjs) as a newsroom runs it, on its default database (SQLite): where
// it listens does not depend on the provider, so this runs once. It prints the demo accounts'
// passwords, so it must not be reachable from the network unless HOST says so.
const database = newTestDatabase("sqlite");
afterAll(() => database.drop());

/**
 * The addresses the kernel has a TCP socket listening on for `port` (from /proc/net/tcp and tcp6), read
 * rather than probed: this workplace sends no traffic to any address but loopback, so the test looks at the
 * socket itself instead of connecting to the machine's network address.
 */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, family] of [
    ["/proc/net/tcp", 4],
    ["/proc/net/tcp6", 6],
  ] as const) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== "0A" || !local) continue; // 0A: LISTEN
      const [hex, portHex] = local.split(":");
      if (parseInt(portHex, 16) === port)
        found.push(family === 4 ? ipv4(hex) : hex === "0".repeat(32) ? "::" : `ipv6:${hex}`);
    }
  }
  return found;
}

/** /proc/net/tcp writes an IPv4 address as little-endian hex: 0100007F is 127.0.0.1. */
const ipv4 = (hex: string) => [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".");

async function npmStart(
  host: string | undefined,
): Promise<{ port: number; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.target.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    PORT: String(port),
  };
  delete env.HOST;
  delete env.NEXTAUTH_URL;
  if (host) env.HOST = host;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes("Factmark is running at")) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${output.slice(-800)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up: ${output.slice(-800)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

describe("npm start", () => {
  it("listens on 127.0.0.1 only, unless HOST says otherwise", async () => {
    // Otherwise npm start would run npm ci, replacing node_modules under this very test run.
    expect(
      dependenciesCurrent(),
      "node_modules is not from this package-lock.json: run npm test (or npm start) first",
    ).toBe(true);
    expect(fs.existsSync("/proc/net/tcp"), "this test reads listening sockets from /proc/net/tcp (Linux)").toBe(true);
    const local = await npmStart(undefined);
    try {
      expect((await fetch(`http://127.0.0.1:${local.port}/api/health`)).status).toBe(200);
      expect(listeningAddresses(local.port)).toEqual(["127.0.0.1"]);
      expect(local.output()).toContain(`Factmark is running at http://localhost:${local.port}`);
    } finally {
      await local.stop();
    }

    const everywhere = await npmStart("0.0.0.0");
    try {
      expect((await fetch(`http://127.0.0.1:${everywhere.port}/api/health`)).status).toBe(200);
      expect(listeningAddresses(everywhere.port)).toContain("0.0.0.0");
    } finally {
      await everywhere.stop();
    }
  }, 150_000);
});
