import fs from "node:fs";
import path from "node:path";
import { quoteAt } from "../../../lib/anchoring/selector";
import { VERDICTS, type AnnotationKind } from "../../../lib/domain/annotation";
import type { AnnotationView } from "../../../lib/views/article-view";
import { prng } from "./synthetic-article";

/**
 * The workbench benchmark's long article: real newsroom English rather than
 * synthetic words (line lengths, wrapping and kerning then look like a real
 * page), made from the seed article's sentences. Its paragraphs are shuffled
 * each time round by a seeded PRNG and their sentences regrouped into
 * paragraphs of at least 12–44 words (whole sentences: about 42 on average),
 * which gives the 50,000 words in about 1,180 paragraphs.
 */
export function longArticleText({ words = 50_000, seed = 14 } = {}): string {
  const source = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
  const seedParagraphs = source
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.split(" ").length >= 8);
  const random = prng(seed);
  const sentences = function* () {
    for (;;) {
      const order = seedParagraphs.slice();
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const paragraph of order) yield* paragraph.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"‘(])/);
    }
  };
  const stream = sentences();
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const target = Math.min(random.int(12, 44), words - written);
    const parts: string[] = [];
    let count = 0;
    while (count < target) {
      const sentence = stream.next().value as string;
      parts.push(sentence);
      count += sentence.split(" ").length;
    }
    paragraphs.push(parts.join(" "));
    written += count;
  }
  return paragraphs.join("\n\n");
}

const NAMES = [
  "Jake Sullivan",
  "Zhao Lijian",
  "A White House spokesperson",
  "Yang Jiechi",
  "The Kremlin",
  "Dr. María José García",
  "O'Neill & Partners",
];
const PUBLISHERS = ["Reuters", "The Guardian", "Ministry of Foreign Affairs", "Institute for Fiscal Examples"];
const NOTE_WORDS =
  "check the transcript against the ministry's own record before rating this claim the figure comes from an unnamed official and needs a second source".split(
    " ",
  );

export type SeedAnnotation = Pick<
  AnnotationView,
  | "kind"
  | "number"
  | "start"
  | "end"
  | "quote"
  | "prefix"
  | "suffix"
  | "speaker"
  | "note"
  | "verdict"
  | "rationale"
  | "status"
> & {
  /** Index into the users the seeding passes: who created it. */
  author: number;
  sources: { url: string; title: string; publisher: string; quote: string | null }[];
};

/** The span the bench opens with j, clicks and changes live: the first words of the article, before every seeded annotation. */
export const PROBE_WORDS = 3;

/**
 * `count` annotations on `text`, 80 % spread evenly (one per window of words,
 * 2–14 words long, within one paragraph) and 20 % overlapping one of those:
 * half nested inside it, half running on past its end. The first paragraph is
 * left to the probe. Fields are filled as a newsroom would: a speaker on most,
 * notes, verdicts with a rationale on rated claims, 1–2 sources on some.
 */
export function seedAnnotations(
  text: string,
  count: number,
  { overlapShare = 0.2, seed = 2000, authors = 2 } = {},
): SeedAnnotation[] {
  const random = prng(seed + count);
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // The paragraph of each word, so that no span crosses a paragraph break.
  const paragraphOf: number[] = [];
  let paragraph = 0;
  words.forEach((word, i) => {
    if (i > 0 && text.slice(words[i - 1].end, word.start).includes("\n")) paragraph++;
    paragraphOf.push(paragraph);
  });
  const lastInParagraph: number[] = [];
  for (let i = words.length - 1; i >= 0; i--)
    lastInParagraph[i] = i === words.length - 1 || paragraphOf[i + 1] !== paragraphOf[i] ? i : lastInParagraph[i + 1];
  const firstFree = lastInParagraph[0] + 1;

  const spans: { first: number; last: number }[] = [];
  const base = Math.round(count * (1 - overlapShare));
  const window = (words.length - firstFree) / Math.max(1, base);
  for (let i = 0; i < base; i++) {
    const from = firstFree + Math.floor(i * window);
    const to = firstFree + Math.floor((i + 1) * window) - 1;
    const first = Math.min(from + random.int(0, Math.max(0, Math.floor(window) - 3)), to);
    const last = Math.min(first + random.int(1, 13), to, lastInParagraph[first]);
    spans.push({ first, last });
  }
  for (let i = base; i < count; i++) {
    const host = spans[random.int(0, base - 1)];
    const first = random.int(host.first, host.last);
    const last =
      random.next() < 0.5
        ? random.int(first, host.last)
        : Math.min(host.last + random.int(1, 8), lastInParagraph[host.first]);
    spans.push({ first, last });
  }
  spans.sort((a, b) => a.first - b.first || b.last - a.last);

  const phrase = (min: number, max: number) =>
    Array.from({ length: random.int(min, max) }, () => random.pick(NOTE_WORDS)).join(" ");
  const numbers: Record<AnnotationKind, number> = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  return spans.map(({ first, last }, i) => {
    const kind = random.pick(["CLAIM", "CLAIM", "CLAIM", "DENIAL", "ANALYSIS"] as const);
    const rated = kind !== "ANALYSIS" && random.next() < 0.6;
    const start = words[first].start;
    const end = words[last].end;
    const sources =
      random.next() < 0.4
        ? Array.from({ length: random.int(1, 2) }, (_, s) => ({
            url: `https://source${random.int(1, 40)}.example/reports/${i}/${s}?ref=factmark`,
            title: `${phrase(3, 8)}.`,
            publisher: random.pick(PUBLISHERS),
            quote: random.next() < 0.5 ? `${phrase(6, 18)}.` : null,
          }))
        : [];
    return {
      kind,
      number: ++numbers[kind],
      start,
      end,
      ...quoteAt(text, start, end),
      speaker: random.next() < 0.7 ? random.pick(NAMES) : null,
      note: random.next() < 0.6 ? `${phrase(6, 25)}.` : "",
      verdict: rated ? random.pick(VERDICTS) : null,
      rationale: rated ? `${phrase(10, 30)}.` : null,
      status: random.pick(["DRAFT", "DRAFT", "SUBMITTED", "APPROVED"] as const),
      author: i % authors,
      sources,
    };
  });
}
