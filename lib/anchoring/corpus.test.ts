import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prng } from "../../scripts/bench/lib/synthetic-article";
import { type Carried, type CarrySpan, reanchor } from "./reanchor";
import { quoteAt } from "./selector";
import { applyNewsEdits, sentenceSpans } from "./testing/news-edits";
import { squash } from "./tokens";

/**
 * The "Done when" figures on a corpus of real revisions
 * (tests/fixtures/revisions/README.md) and on news-like revisions of the same
 * real text, with an oracle that does not use our diff: a span whose quote
 * with its stored context occurs exactly once in the old and once in the new
 * text is untouched and must be ANCHORED there; a span whose quote no longer
 * occurs in the new text must be CHANGED or ORPHANED; an ANCHORED span whose
 * words differ from its quote, or that lands anywhere but on the unique
 * occurrence, or on the twin of a deleted sentence, is a silent mis-anchor.
 */
const ROOT = path.resolve(import.meta.dirname, "../../tests/fixtures/revisions");
const PAIRS = ["18f", "pclob"].flatMap((source) => {
  const dir = path.join(ROOT, source);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".old.txt"))
    .sort()
    .map((file) => {
      const name = file.replace(".old.txt", "");
      const read = (suffix: string) => fs.readFileSync(path.join(dir, `${name}.${suffix}.txt`), "utf8");
      return { name, oldText: read("old"), newText: read("new") };
    });
});

type Tally = { untouched: number; kept: number; gone: number; flagged: number; misAnchors: string[] };

function occurrences(text: string, needle: string, limit = 2): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit; at = text.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Every sentence (up to 60) and 150 random word-aligned spans of 1–20 words. */
function sampleSpans(text: string, seed: number): CarrySpan[] {
  const random = prng(seed);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const ranges: [number, number][] = sentenceSpans(text)
    .filter(([s, e]) => e - s > 12)
    .slice(0, 60);
  for (let i = 0; i < 150; i++) {
    const first = random.int(0, words.length - 1);
    const last = Math.min(words.length - 1, first + random.int(0, 19));
    ranges.push([words[first].index, words[last].index + words[last][0].length]);
  }
  return ranges.map(([start, end], i) => ({ id: `s${i}`, start, end, ...quoteAt(text, start, end) }));
}

function judge(
  name: string,
  oldText: string,
  newText: string,
  spans: CarrySpan[],
  results: Carried[],
  tally: Tally,
  mustNotAnchor = new Set<string>(),
) {
  const flatNew = squash(newText);
  results.forEach((result, i) => {
    const span = spans[i];
    const key = span.prefix + span.quote + span.suffix;
    const unique = occurrences(oldText, key).length === 1 ? occurrences(newText, key) : [];
    const expected = unique.length === 1 ? unique[0] + span.prefix.length : null;
    const gone = occurrences(newText, span.quote, 1).length === 0 && !flatNew.includes(squash(span.quote));
    const where = `${name} ${span.id} ${JSON.stringify(span.quote.slice(0, 60))}`;
    if (expected !== null) {
      tally.untouched++;
      if (result.status === "ANCHORED" && result.start === expected && result.end === expected + span.quote.length)
        tally.kept++;
    }
    if (gone) {
      tally.gone++;
      if (result.status !== "ANCHORED") tally.flagged++;
    }
    if (result.status !== "ANCHORED") return;
    const words = newText.slice(result.start, result.end);
    if (squash(words) !== squash(span.quote))
      tally.misAnchors.push(`${where}: on other words ${JSON.stringify(words.slice(0, 60))}`);
    else if (expected !== null && result.start !== expected)
      tally.misAnchors.push(`${where}: at ${result.start}, not ${expected}`);
    else if (mustNotAnchor.has(span.id)) tally.misAnchors.push(`${where}: its sentence was deleted, put on a twin`);
  });
}

const empty = (): Tally => ({ untouched: 0, kept: 0, gone: 0, flagged: 0, misAnchors: [] });
const report = (label: string, t: Tally) =>
  console.log(
    `${label}: ${t.misAnchors.length} silent mis-anchors; untouched spans kept ${t.kept}/${t.untouched} ` +
      `(${((t.kept / t.untouched) * 100).toFixed(2)} %); changed spans flagged ${t.flagged}/${t.gone}`,
  );

describe("re-anchoring on the revision corpus (the issue's Done-when figures)", () => {
  it("real revisions of 18F blog posts and PCLOB press releases: 0 mis-anchors, ≥ 98.4 % untouched kept, every changed span flagged", () => {
    const tally = empty();
    PAIRS.forEach(({ name, oldText, newText }, n) => {
      const spans = sampleSpans(oldText, 1000 + n);
      judge(name, oldText, newText, spans, reanchor(oldText, newText, spans), tally);
    });
    report(`real (${PAIRS.length} pairs)`, tally);
    expect(tally.misAnchors).toEqual([]);
    expect(tally.untouched).toBeGreaterThan(2000);
    expect(tally.kept / tally.untouched).toBeGreaterThanOrEqual(0.984);
    expect(tally.flagged).toBe(tally.gone);
  });

  it("news-like revisions of the same real text, with near-identical and identical twins of deleted sentences", () => {
    const tally = empty();
    PAIRS.forEach(({ name, oldText: base }, n) => {
      const random = prng(2000 + n);
      // Two sentences get a twin elsewhere in the old text (one word changed, then none), and are deleted.
      const sentences = sentenceSpans(base).filter(([s, e]) => e - s > 40 && !base.slice(s, e).includes("\n"));
      const chosen = [sentences[random.int(0, sentences.length - 1)], sentences[random.int(0, sentences.length - 1)]];
      if (chosen[0][0] === chosen[1][0]) chosen.pop();
      let oldText = base;
      const twinned: [number, number][] = [];
      chosen.forEach(([s, e], k) => {
        const sentence = base.slice(s, e);
        const twin = k === 0 ? sentence.replace(/[\p{L}\p{N}]+(?=[^\p{L}\p{N}]*$)/u, "meanwhile") : sentence;
        oldText = `${oldText.trimEnd()}\n\n${twin}\n`;
        twinned.push([s, e]);
      });
      const edit = applyNewsEdits(
        oldText,
        random.next,
        { share: 0.12, moves: 1, reflow: true },
        twinned.map(([s]) => s),
      );
      const spans = sampleSpans(oldText, 3000 + n);
      const onTwins = twinned.map(([s, e], k) => ({ id: `twin${k}`, start: s, end: e, ...quoteAt(oldText, s, e) }));
      const all = [...spans, ...onTwins];
      const mustNotAnchor = new Set(onTwins.map((span) => span.id));
      judge(`${name}+news`, oldText, edit.newText, all, reanchor(oldText, edit.newText, all), tally, mustNotAnchor);
    });
    report(`news-like (${PAIRS.length} texts)`, tally);
    expect(tally.misAnchors).toEqual([]);
    expect(tally.kept / tally.untouched).toBeGreaterThanOrEqual(0.984);
    expect(tally.flagged).toBe(tally.gone);
  });
});
