import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dbThreadUseCases } from "./use-cases";

const serverDir = path.resolve(import.meta.dirname, "../server");

/** Every `export const x = onDbThread("x", …)` in lib/server, by file. */
function wrappedUseCases(): { file: string; exported: string; name: string }[] {
  return fs
    .readdirSync(serverDir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .flatMap((file) =>
      [...fs.readFileSync(path.join(serverDir, file), "utf8").matchAll(/export const (\w+) = onDbThread\("([^"]+)"/g)].map((match) => ({ file, exported: match[1], name: match[2] })),
    );
}

describe("the database thread's use cases", () => {
  it("list every use case wrapped with onDbThread, under the name it sends (else the thread answers 'no use case')", async () => {
    const wrapped = wrappedUseCases();
    expect(wrapped.length).toBeGreaterThanOrEqual(8);
    for (const { file, exported, name } of wrapped) {
      expect(name, file).toBe(exported);
      const loaded = await import(path.join(serverDir, file));
      expect(dbThreadUseCases.get(name), `${name} is not in lib/db-thread/use-cases.ts`).toBe(loaded[exported]);
    }
    expect([...dbThreadUseCases.keys()].sort()).toEqual(wrapped.map(({ name }) => name).sort());
  });

  it("include none that touch process memory the request thread relies on (the in-process event bus)", () => {
    for (const { file } of wrappedUseCases()) expect(fs.readFileSync(path.join(serverDir, file), "utf8"), file).not.toMatch(/getBus|perClient/);
  });
});
