// npm start: install, generate, migrate, seed on first run, build when sources changed, serve.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureBuild, ensureDependencies, requireNode, root, say, serverNodeFlags, tsx } from "./bootstrap.mjs";

const port = process.env.PORT || "3000";
// Loopback unless HOST says otherwise (HOST=0.0.0.0 on a server): the first run prints the demo
// accounts' passwords, and next start alone would listen on every interface. Validated in setup.ts.
const host = process.env.HOST || "127.0.0.1";
const publicUrl = `http://${["127.0.0.1", "0.0.0.0", "::", "::1"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
requireNode();
await requireFreePort(port, host);
ensureDependencies();
const setup = tsx("scripts/setup.ts");
if (setup !== 0) process.exit(setup);
const built = ensureBuild();
if (built !== 0) process.exit(built);

const server = spawn(process.execPath, [...serverNodeFlags, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", host], {
  cwd: root,
  stdio: ["inherit", "pipe", "inherit"],
  // next-auth builds its callback URLs from NEXTAUTH_URL; default to where we serve.
  env: { NEXTAUTH_URL: publicUrl, ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/.test(String(chunk))) {
    announced = true;
    printSignIn(publicUrl);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

function printSignIn(url) {
  const file = path.join(root, "data/demo-credentials.json");
  const lines = [`Factmark is running at ${url}`];
  if (fs.existsSync(file)) {
    lines.push(`Sign in at ${url}/signin with one of the demo accounts (passwords are in data/demo-credentials.json):`);
    for (const account of JSON.parse(fs.readFileSync(file, "utf8"))) lines.push(`  ${account.role.padEnd(8)}  ${account.email.padEnd(24)}  password: ${account.password}`);
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
      if (error.code === "EADDRINUSE") console.error(`[factmark] PORT ${wanted} is already in use (${error.code}): stop what runs there, or start on another port with PORT=3001 npm start`);
      else console.error(`[factmark] HOST ${onHost}: cannot listen there (${error.code}): use an address of this machine, or 0.0.0.0 for every interface`);
      process.exit(1);
    });
    probe.listen(Number(wanted), onHost, () => probe.close(resolve));
  });
}
