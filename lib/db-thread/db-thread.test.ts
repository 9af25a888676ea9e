import { Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../server/shared/errors";
import { DbThread } from "./on-db-thread";

/**
 * A stand-in thread speaking the same protocol as lib/db-thread/worker.ts
 * (which needs Next's bundle to run): "echo" answers, "refuse" answers with a
 * wire error, "slow" answers after 50 ms, "crash" kills the thread.
 */
const STAND_IN = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, name, args }) => {
  if (name === "echo") parentPort.postMessage({ id, result: { echoed: args, at: new Date(0) } });
  if (name === "refuse") parentPort.postMessage({ id, error: { kind: "app", code: "CONFLICT", message: "Stale.", details: { current: { version: 2 } } } });
  if (name === "slow") setTimeout(() => parentPort.postMessage({ id, result: args }), 50);
  if (name === "crash") process.exit(3);
});`;

const standIn = (onGone = () => {}) => new DbThread(() => new Worker(STAND_IN, { eval: true }), onGone);

describe("the request thread's end of the database thread", () => {
  it("matches each answer to its call, whatever order they come back in, with dates still dates", async () => {
    const thread = standIn();
    const slow = thread.call("slow", "first");
    const quick = thread.call("echo", { n: 2 });
    expect(await quick).toEqual({ echoed: { n: 2 }, at: new Date(0) });
    expect(await slow).toBe("first");
  });

  it("rebuilds an error the thread sent as the error class the HTTP layer maps", async () => {
    const error = await standIn()
      .call("refuse", {})
      .catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: "Stale.", details: { current: { version: 2 } } });
  });

  it("fails only the call whose arguments cannot be copied to the thread", async () => {
    const thread = standIn();
    await expect(thread.call("echo", { callback: () => 1 })).rejects.toThrow(/could not be cloned/);
    expect(await thread.call("echo", "still working")).toMatchObject({ echoed: "still working" });
  });

  it("fails every call a crashed thread owed, logs it, and reports itself gone", async () => {
    const gone = vi.fn();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const thread = standIn(gone);
    const owed = thread.call("slow", "never answered");
    const crash = thread.call("crash", null);
    await expect(owed).rejects.toThrow(/database thread stopped \(exit code 3\)/);
    await expect(crash).rejects.toThrow(/exit code 3/);
    expect(gone).toHaveBeenCalled();
    expect(logged.mock.calls[0].join(" ")).toContain("2 write(s) unanswered");
    logged.mockRestore();
  });
});
