import type { AnyUseCase } from "./serve";
import { searchLibrary } from "../server/search/search-library";

/**
 * The read-only use cases the read threads run (onReadThread), by name: nothing here may write
 * (their connection is read-only). Apart from use-cases.ts, so a read thread loads none of the writes.
 */
export const readThreadUseCases = new Map<string, AnyUseCase>(
  [searchLibrary].map((useCase) => [useCase.dbThreadName, useCase]),
);
