import type { Db } from "../db/client";
import { toWire, type WireError } from "./wire-errors";

export type Call = { id: number; name: string; args: unknown };
export type Reply = { id: number; result?: unknown; error?: WireError };
/** Any use case the thread can run, by the look of its call (each checks its own arguments). */
export type AnyUseCase = (db: Db, args: never) => Promise<unknown>;
type UseCases = ReadonlyMap<string, AnyUseCase>;

/**
 * The database thread's side of a call: run the named use case, send back its
 * answer or its error. Every call gets exactly one reply: an answer or error
 * that cannot be sent (structured clone refuses functions, say) becomes an
 * error that can, so one odd value fails one request, not the thread and
 * every request waiting on it.
 */
export function serveCalls(useCases: UseCases, getDb: () => Promise<Db>, post: (reply: Reply) => void) {
  const send = (reply: Reply) => {
    try {
      post(reply);
    } catch (error) {
      post({
        id: reply.id,
        error: toWire(
          new Error(
            `The database thread could not send its ${reply.error ? "error" : "answer"} back: ${(error as Error).message}`,
          ),
        ),
      });
    }
  };
  return async ({ id, name, args }: Call): Promise<void> => {
    try {
      const useCase = useCases.get(name);
      if (!useCase) throw new Error(`The database thread has no use case named ${name}.`);
      send({ id, result: await useCase(await getDb(), args as never) });
    } catch (error) {
      send({ id, error: toWire(error) });
    }
  };
}
