import { Worker } from "node:worker_threads";

/**
 * The extraction thread outside Next's bundle (unit test, bench): worker.ts started through tsx, which a Worker's
 * `execArgv: ["--import", "tsx"]` does not manage for a .ts entry. Messages sent meanwhile wait in the port.
 */
export function tsxWorker(): Worker {
  const entry = new URL("./worker.ts", import.meta.url).href;
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}
