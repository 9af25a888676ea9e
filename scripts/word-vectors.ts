// Writes the compact word-vector files "Checked before" reads (decision 030, "Word vectors"), unless current.
import { ensureWordVectorFiles } from "../lib/server/claims/word-vectors-file";

if (ensureWordVectorFiles()) console.log("[factmark] wrote the word vectors for Checked before");
