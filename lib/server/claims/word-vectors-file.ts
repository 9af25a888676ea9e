import fs from "node:fs";
import path from "node:path";
import { DIMENSIONS, FORMAT, SCALE, WORD_VECTOR_PACKAGE, WORDS_KEPT, wordVectorFiles } from "./word-vector-format";

// Set-up's half of the word vectors (word-vector-format.ts says what they are): the compact files, from the package.

type PackageFile = { words: string[]; dimensions: number; vectors: Record<string, number[]> };

/**
 * Writes the compact files unless they were written from this version of the package in this format. Returns
 * whether it wrote them. Throws with the package named when it is not installed.
 */
export function ensureWordVectorFiles(root = process.cwd()): boolean {
  const packageDir = path.join(root, "node_modules", WORD_VECTOR_PACKAGE);
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string })
    .version;
  const files = wordVectorFiles(root);
  const stamp = `${WORD_VECTOR_PACKAGE}@${version} format ${FORMAT} words ${WORDS_KEPT}`;
  if (fs.existsSync(files.stamp) && fs.readFileSync(files.stamp, "utf8") === stamp && fs.existsSync(files.vectors))
    return false;
  const source = JSON.parse(
    fs.readFileSync(path.join(packageDir, `${WORD_VECTOR_PACKAGE}.json`), "utf8"),
  ) as PackageFile;
  if (source.dimensions !== DIMENSIONS) throw new Error(`${WORD_VECTOR_PACKAGE}: ${source.dimensions} dimensions`);
  const words: string[] = [];
  const bytes = new Int8Array(WORDS_KEPT * DIMENSIONS);
  for (const word of source.words) {
    if (words.length === WORDS_KEPT) break;
    // Plain lower-case words only: the claim normaliser makes terms of nothing else.
    const vector = /^[a-z]+$/.test(word) ? source.vectors[word] : undefined;
    if (!vector) continue;
    quantise(vector, bytes, words.length * DIMENSIONS);
    words.push(word);
  }
  fs.mkdirSync(path.dirname(files.words), { recursive: true });
  // Each file whole or not at all, the vectors last: a server or test starting meanwhile reads a matching pair.
  writeWhole(files.words, words.join("\n"));
  writeWhole(files.vectors, bytes.subarray(0, words.length * DIMENSIONS));
  writeWhole(files.stamp, stamp);
  return true;
}

/** The vector's first DIMENSIONS values, scaled to length SCALE and rounded, into `into` at `at`. */
export function quantise(vector: readonly number[], into: Int8Array, at: number): void {
  let length = 0;
  for (let d = 0; d < DIMENSIONS; d++) length += vector[d] * vector[d];
  const factor = length > 0 ? SCALE / Math.sqrt(length) : 0;
  for (let d = 0; d < DIMENSIONS; d++) into[at + d] = Math.round(vector[d] * factor);
}

function writeWhole(file: string, data: string | Int8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}
