// npm start: install, generate, migrate, seed on first run, build when sources changed, serve.
// npm run dev (--dev): the same set-up, then `next dev` (hot reload) instead of the build.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureBuild, ensureDependencies, requireNode, root, say, tsx } from "./bootstrap.mjs";
import { startNextServer } from "./next-server.mjs";

const dev = process.argv.includes("--dev");
requireNode();
ensureDependencies();
const { host, port, localUrl, publicUrl } = await listenSettings();
await requireFreePort(port, host);
const setup = tsx("scripts/setup.ts");
if (setup !== 0) process.exit(setup);
if (!dev) {
  const built = ensureBuild();
  if (built !== 0) process.exit(built);
}

// next-auth builds its callback URLs from NEXTAUTH_URL: where we serve unless it is set.
const server = startNextServer({
  port,
  host,
  dev,
  stdio: ["inherit", "pipe", "inherit"],
  env: { NEXTAUTH_URL: publicUrl },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/.test(String(chunk))) {
    announced = true;
    printSignIn(localUrl);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * HOST and PORT as the app reads them (lib/config/env.ts, through tsx now that the dependencies are
 * there, with .env.local loaded): loopback unless HOST says otherwise, since the first run prints
 * the demo accounts' passwords and next alone would listen on every interface.
 */
async function listenSettings() {
  const { tsImport } = await import("tsx/esm/api");
  const { ConfigError, setting } = await tsImport("../lib/config/env.ts", import.meta.url);
  const { loadLocalEnv } = await tsImport("../lib/config/local-env.ts", import.meta.url);
  loadLocalEnv(root);
  try {
    const [host, port, configured] = [setting("HOST"), setting("PORT"), setting("NEXTAUTH_URL")];
    const shown = ["127.0.0.1", "0.0.0.0", "::", "::1"].includes(host)
      ? "localhost"
      : host.includes(":")
        ? `[${host}]`
        : host;
    const localUrl = `http://${shown}:${port}`;
    return { host, port: String(port), localUrl, publicUrl: configured ?? localUrl };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[factmark] ${error.message}`);
    process.exit(1);
  }
}

function printSignIn(url) {
  const file = path.join(root, "data/demo-credentials.json");
  const lines = [`Factmark is running at ${url}`];
  if (fs.existsSync(file)) {
    lines.push(`Sign in at ${url}/signin with one of the demo accounts (passwords are in data/demo-credentials.json):`);
    for (const account of JSON.parse(fs.readFileSync(file, "utf8")))
      lines.push(`  ${account.role.padEnd(8)}  ${account.email.padEnd(24)}  password: ${account.password}`);
  } else {
    lines.push(`Sign in at ${url}/signin with your account (create one with: npm run cli -- users add …).`);
  }
  console.log(`\n${lines.map((line) => `[factmark] ${line}`).join("\n")}\n`);
  say("stop with Ctrl+C");
}

/** A busy port (or a HOST that is not this machine's) is a one-line message before any work, not a stack trace after the build. */
function requireFreePort(wanted, onHost) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => {
      if (error.code === "EADDRINUSE")
        console.error(
          `[factmark] PORT ${wanted} is already in use (${error.code}): stop what runs there, or start on another port with PORT=3001 npm start`,
        );
      else
        console.error(
          `[factmark] HOST ${onHost}: cannot listen there (${error.code}): use an address of this machine, or 0.0.0.0 for every interface`,
        );
      process.exit(1);
    });
    probe.listen(Number(wanted), onHost, () => probe.close(resolve));
  });
}
