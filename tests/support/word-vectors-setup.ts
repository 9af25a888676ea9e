import { ensureWordVectorFiles } from "../../lib/server/claims/word-vectors-file";

/**
 * Vitest global set-up: "Checked before" reads the word vectors set-up writes (decision 030, "Word vectors"). npm test
 * writes them first; this makes a bare `npx vitest` do the same instead of failing the quality floors.
 */
export default function setup() {
  ensureWordVectorFiles();
}
