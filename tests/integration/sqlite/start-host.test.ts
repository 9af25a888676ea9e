import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/app-server";
import { newTestDatabase } from "../../support/test-database";

// `npm start` (scripts/start.mjs) as a newsroom runs it, on its default database (SQLite): where
// it listens does not depend on the provider, so this runs once. It prints the demo accounts'
// passwords, so it must not be reachable from the network unless HOST says so.
const database = newTestDatabase("sqlite");
afterAll(() => database.drop());

/** This machine's first non-loopback IPv4 address: where a neighbour on the network would connect. */
function networkAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted (then closed at once: an open one would hold up the server's shutdown). */
const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    const settle = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.once("connect", () => settle(true));
    socket.once("error", () => settle(false));
    socket.once("timeout", () => settle(false));
  });

async function npmStart(host: string | undefined): Promise<{ port: number; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: database.target.url, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), PORT: String(port) };
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
  const address = networkAddress();

  it("listens on 127.0.0.1 only, unless HOST says otherwise", async () => {
    expect(address, "this test needs a non-loopback IPv4 address on this machine").toBeDefined();
    const local = await npmStart(undefined);
    try {
      expect(await connects("127.0.0.1", local.port)).toBe(true);
      expect(await connects(address!, local.port)).toBe(false);
      expect(local.output()).toContain(`Factmark is running at http://localhost:${local.port}`);
    } finally {
      await local.stop();
    }

    const everywhere = await npmStart("0.0.0.0");
    try {
      expect(await connects(address!, everywhere.port)).toBe(true);
      const health = await fetch(`http://${address}:${everywhere.port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await everywhere.stop();
    }
  }, 150_000);
});
