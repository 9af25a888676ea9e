import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS_FILE, demoAccounts } from "./demo-accounts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("demoAccounts", () => {
  it("keeps the passwords owner-only: the file 0600 in a data folder created 0700, whatever the umask; the same accounts on the next run", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-demo-"));
    roots.push(root);
    const umask = process.umask(0o022);
    try {
      const accounts = demoAccounts(root);
      const file = path.join(root, DEMO_CREDENTIALS_FILE);
      expect({ file: fs.statSync(file).mode & 0o777, folder: fs.statSync(path.dirname(file)).mode & 0o777 }).toEqual({
        file: 0o600,
        folder: 0o700,
      });
      expect(demoAccounts(root)).toEqual(accounts);
    } finally {
      process.umask(umask);
    }
  });
});
