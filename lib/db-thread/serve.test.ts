import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { AppError } from "../server/shared/errors";
import { serveCalls, type AnyUseCase, type Reply } from "./serve";
import { fromWire } from "./wire-errors";

const db = {} as Db;
const useCases = new Map<string, AnyUseCase>([
  ["echo", async (_db, args: { text: string }) => ({ echoed: args.text })],
  ["refuse", async () => Promise.reject(new AppError("FORBIDDEN", "Not yours."))],
  ["unsendable", async () => ({ callback: () => "functions do not cross threads" })],
]);

/** Replies as they would arrive: each through structured clone, as postMessage does. */
function serve() {
  const replies: Reply[] = [];
  const handle = serveCalls(
    useCases,
    async () => db,
    (reply) => replies.push(structuredClone(reply)),
  );
  return { replies, handle };
}

describe("the database thread's call handling", () => {
  it("answers a call with the use case's result, under the call's id", async () => {
    const { replies, handle } = serve();
    await handle({ id: 7, name: "echo", args: { text: "hello" } });
    expect(replies).toEqual([{ id: 7, result: { echoed: "hello" } }]);
  });

  it("sends a thrown error back as data that rebuilds to the same error", async () => {
    const { replies, handle } = serve();
    await handle({ id: 8, name: "refuse", args: {} });
    expect(replies).toHaveLength(1);
    const error = fromWire(replies[0].error!);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Not yours." });
  });

  it("answers an unknown use case with an error naming it", async () => {
    const { replies, handle } = serve();
    await handle({ id: 9, name: "dropTables", args: {} });
    expect(replies[0]).toMatchObject({
      id: 9,
      error: { kind: "other", message: expect.stringContaining("dropTables") },
    });
  });

  it("turns an answer that cannot cross threads into one error reply, not a crashed thread", async () => {
    const { replies, handle } = serve();
    await handle({ id: 10, name: "unsendable", args: {} });
    expect(replies).toEqual([
      {
        id: 10,
        error: expect.objectContaining({
          kind: "other",
          message: expect.stringContaining("could not send its answer back"),
        }),
      },
    ]);
  });
});
