import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { startNextServer } from "../../scripts/next-server.mjs";

/** A free loopback port, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type AppServer = { url: string; stop: () => Promise<void> };

/**
 * Starts the production build (`next start`; npm test builds before the
 * integration suites) on a free port against the given database, and waits
 * until /api/health answers.
 */
export async function startAppServer(
  databaseUrl: string,
  secret = randomBytes(32).toString("hex"),
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startNextServer({
    port,
    host: "127.0.0.1",
    env: { NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, ...extraEnv },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  await waitHealthy(child, url, () => stderr, 30_000);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Waits until the server's /api/health answers; throws with its stderr when it exits first or after `timeoutMs` (after `onTimeout`). */
export async function waitHealthy(
  child: ChildProcess,
  url: string,
  stderr: () => string,
  timeoutMs: number,
  onTimeout?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr().slice(0, 500)}`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) {
      await onTimeout?.();
      throw new Error(`next start did not become healthy: ${stderr().slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
