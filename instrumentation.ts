/**
 * Runs once when a server starts (also when it is started without npm start):
 * a bad setting stops it here, with the variable named, not on first request.
 */
export async function register() {
  // Next's own fact, read raw (decision 001): lib/config/env.ts (zod, node:path) must not load in the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/config/env");
  env();
  // "Checked before" reads its word vectors once per process (about 1.5 s): now, not in the first editor's query.
  const { termVectors } = await import("./lib/server/claims/word-vectors");
  setTimeout(() => termVectors(), 0);
}
