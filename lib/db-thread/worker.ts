import { parentPort } from "node:worker_threads";
import { getDb } from "../db/client";
import { dbThreadUseCases } from "./use-cases";
import { toWire } from "./wire-errors";

/**
 * The database thread (see on-db-thread.ts): runs each use case it is sent on
 * its own client as soon as it arrives; their transactions queue on the
 * connection, as they would on the request thread.
 */
const port = parentPort!;
port.on("message", async ({ id, name, args }: { id: number; name: string; args: never }) => {
  try {
    const useCase = dbThreadUseCases.get(name);
    if (!useCase) throw new Error(`The database thread has no use case named ${name}.`);
    port.postMessage({ id, result: await useCase(await getDb(), args) });
  } catch (error) {
    port.postMessage({ id, error: toWire(error) });
  }
});
