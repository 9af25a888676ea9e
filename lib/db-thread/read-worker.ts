import { parentPort } from "node:worker_threads";
import { createDb, currentTarget, type Db } from "../db/client";
import { serveCalls } from "./serve";
import { readThreadUseCases } from "./read-use-cases";

/**
 * The read thread's entry (see onReadThread in on-db-thread.ts): runs the read-only use cases it is
 * sent on a read-only connection of its own. The request thread's client has set WAL mode up before
 * any request could arrive here, so this one only ever reads the last commit.
 */
let reader: Promise<Db> | undefined;
const getReader = () => (reader ??= createDb(currentTarget(), { role: "reader" }));

const port = parentPort!;
port.on(
  "message",
  serveCalls(readThreadUseCases, getReader, (reply) => port.postMessage(reply)),
);
