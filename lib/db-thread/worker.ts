import { parentPort } from "node:worker_threads";
import { getDb } from "../db/client";
import { serveCalls } from "./serve";
import { dbThreadUseCases } from "./use-cases";

/**
 * The database thread's entry (see on-db-thread.ts): runs each use case it is
 * sent on its own client as soon as it arrives; their transactions queue on
 * the connection, as they would on the request thread.
 */
const port = parentPort!;
port.on(
  "message",
  serveCalls(dbThreadUseCases, getDb, (reply) => port.postMessage(reply)),
);
