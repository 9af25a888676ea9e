import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readThreadUseCases } from "./read-use-cases";
import { dbThreadUseCases } from "./use-cases";

/** Where functions are wrapped with onDbThread: the use cases, and the event streams' presence writes. */
const DIRS = ["../server", "../realtime"].map((dir) => path.resolve(import.meta.dirname, dir));

/** Every `export const x = onDbThread("x", …)` (or onReadThread) in those folders, by file. */
function wrappedUseCases(wrapper = "onDbThread"): { file: string; exported: string; name: string }[] {
  return DIRS.flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .flatMap((name) => {
        const file = path.join(dir, name);
        return [
          ...fs
            .readFileSync(file, "utf8")
            .matchAll(new RegExp(`export const (\\w+) = ${wrapper}\\(\\s*"([^"]+)"`, "g")),
        ].map((match) => ({ file, exported: match[1], name: match[2] }));
      }),
  );
}

describe("the database thread's use cases", () => {
  it("list every use case wrapped with onDbThread, under the name it sends (else the thread answers 'no use case')", async () => {
    const wrapped = wrappedUseCases();
    expect(wrapped.length).toBeGreaterThanOrEqual(13);
    for (const { file, exported, name } of wrapped) {
      expect(name, file).toBe(exported);
      const loaded = await import(file);
      expect(dbThreadUseCases.get(name), `${name} is not in lib/db-thread/use-cases.ts`).toBe(loaded[exported]);
    }
    expect([...dbThreadUseCases.keys()].sort()).toEqual(wrapped.map(({ name }) => name).sort());
  });

  it("include none that touch process memory the request thread relies on (the in-process event bus)", () => {
    for (const { file } of wrappedUseCases())
      expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/getBus|perClient/);
  });

  it("list every use case wrapped with onReadThread in the read thread's list, and only reads there", async () => {
    const wrapped = wrappedUseCases("onReadThread");
    expect(wrapped.map(({ name }) => name)).toContain("searchLibrary");
    for (const { file, exported, name } of wrapped) {
      expect(name, file).toBe(exported);
      const loaded = await import(file);
      expect(readThreadUseCases.get(name), `${name} is not in readThreadUseCases`).toBe(loaded[exported]);
      // Its connection is read-only: a write would fail there (and belongs on the database thread).
      expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/\.(create|update|upsert|delete)(Many)?\(|\$executeRaw/);
    }
    expect([...readThreadUseCases.keys()].sort()).toEqual(wrapped.map(({ name }) => name).sort());
  });
});
