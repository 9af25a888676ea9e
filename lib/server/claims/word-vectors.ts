import fs from "node:fs";
import { normaliseClaim } from "../../domain/claim-text";
import { DIMENSIONS, SCALE, wordVectorFiles } from "./word-vector-format";

/** A claim term's vector (the term as claim-text makes it: stemmed, its synonyms' canonical word). */
export type TermVectors = { vectorOf: (term: string) => Int8Array | undefined; terms: number };

let loaded: TermVectors | null | undefined;

/**
 * The word vectors by claim term, read once per server process (about 1.5 s: every word goes through the claim
 * normaliser, so "murders" and "killings" land on the term the lexicon gives them). The commonest word of a term
 * gives its vector. Null when set-up has not written the files: "Checked before" then weighs shared words only,
 * and says so once in the log.
 */
export function termVectors(root = process.cwd()): TermVectors | null {
  if (loaded !== undefined) return loaded;
  const files = wordVectorFiles(root);
  if (!fs.existsSync(/*turbopackIgnore: true*/ files.vectors)) {
    console.warn(`[factmark] word vectors missing (${files.vectors}): npm start or npm test writes them`);
    return (loaded = null);
  }
  const words = fs.readFileSync(/*turbopackIgnore: true*/ files.words, "utf8").split("\n");
  const file = fs.readFileSync(/*turbopackIgnore: true*/ files.vectors);
  const bytes = new Int8Array(file.buffer, file.byteOffset, file.byteLength);
  const byTerm = new Map<string, Int8Array>();
  words.forEach((word, index) => {
    const terms = normaliseClaim(word).terms;
    if (terms.length === 1 && !byTerm.has(terms[0]))
      byTerm.set(terms[0], bytes.subarray(index * DIMENSIONS, (index + 1) * DIMENSIONS));
  });
  return (loaded = { vectorOf: (term) => byTerm.get(term), terms: byTerm.size });
}

/** Cosine similarity of two quantised unit vectors, -1 to 1. */
export function similarity(a: Int8Array, b: Int8Array): number {
  let sum = 0;
  for (let d = 0; d < DIMENSIONS; d++) sum += a[d] * b[d];
  return sum / (SCALE * SCALE);
}

/**
 * Similarity of two claim terms (0 when either has no vector), kept for one query: its candidates share most of
 * their words, and the post's are the same for all of them.
 */
export function termSimilarity(vectors: TermVectors): (a: string, b: string) => number {
  const kept = new Map<string, number>();
  return (a, b) => {
    const key = `${a} ${b}`;
    let value = kept.get(key);
    if (value === undefined) {
      const x = vectors.vectorOf(a);
      const y = vectors.vectorOf(b);
      value = x && y ? Math.max(0, similarity(x, y)) : 0;
      kept.set(key, value);
    }
    return value;
  };
}
