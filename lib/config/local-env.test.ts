import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureLocalSecret } from "./local-env";

let dir: string;
const saved = process.env.NEXTAUTH_SECRET;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-env-"));
  delete process.env.NEXTAUTH_SECRET;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = saved;
});

describe("ensureLocalSecret", () => {
  it("writes a long random secret to .env.local with mode 0600, once", () => {
    expect(ensureLocalSecret(dir)).toBe(true);
    const file = path.join(dir, ".env.local");
    const secret = /NEXTAUTH_SECRET=(\S+)/.exec(fs.readFileSync(file, "utf8"))?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureLocalSecret(dir)).toBe(false);
    expect(/NEXTAUTH_SECRET=(\S+)/.exec(fs.readFileSync(file, "utf8"))?.[1]).toBe(secret);
  });

  it("keeps other settings already in .env.local and tightens its mode", () => {
    const file = path.join(dir, ".env.local");
    fs.writeFileSync(file, "PORT=4000", { mode: 0o644 });
    expect(ensureLocalSecret(dir)).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^PORT=4000\n# Generated/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("writes nothing when the environment already has a secret", () => {
    process.env.NEXTAUTH_SECRET = "x".repeat(40);
    expect(ensureLocalSecret(dir)).toBe(false);
    expect(fs.existsSync(path.join(dir, ".env.local"))).toBe(false);
  });
});
