import { quoteAt } from "../../../lib/anchoring/selector";
import { VERDICTS, type AnnotationKind } from "../../../lib/domain/annotation";
import { annotationLabel } from "../../../lib/domain/annotation-label";
import type { Block } from "../../../lib/domain/article";
import type { AnnotationView, ArticleView, SourceView } from "../../../lib/views/article-view";

/** mulberry32: a small seeded PRNG, so every run benchmarks the same article. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

const WORDS = (
  "the of and to in a is that for on said with as was by it at from his her government minister report data percent year " +
  "economy prices inflation spokesman officials claimed according statement million billion policy election campaign vote " +
  "security council sanctions agreement meeting national international public budget health schools police crime figures " +
  "rose fell increase decrease highest lowest since record analysis experts researchers university study evidence sources " +
  "however although because despite whether while earlier later yesterday Monday Tuesday Wednesday Thursday Friday week " +
  "it's don't Smith's R&D “official” \"quoted\" (estimated) 3.5% £40m 2,000 over-the-counter self-reported"
).split(" ");
const NAMES = [
  "Jane Doe",
  "Prof. Ahmed Rahman",
  "The minister",
  "A spokesperson",
  "Dr. Li Wei",
  "María José García",
  "O'Neill & Partners",
];
const PUBLISHERS = ["Statistics Office", "The Daily Example", "Reuters-like Wire", "Institute for Fiscal Examples"];

export type SyntheticOptions = { words: number; annotations: number; overlapShare?: number; seed?: number };

/**
 * A deterministic article of `words` words in paragraphs (with headings, list
 * items and quotes), and `annotations` annotations of which `overlapShare`
 * overlap or nest in another, each with notes, verdicts and sources.
 */
export function syntheticArticle({ words, annotations, overlapShare = 0.2, seed = 42 }: SyntheticOptions): ArticleView {
  const random = prng(seed);
  const parts: string[] = [];
  const blocks: Block[] = [];
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  let length = 0;
  const write = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  let written = 0;
  let paragraph = 0;
  while (written < words) {
    if (length > 0) write("\n\n");
    const roll = paragraph++ % 12;
    const type: Block["type"] =
      roll === 0 ? "heading" : roll === 5 || roll === 6 ? "list-item" : roll === 9 ? "blockquote" : "paragraph";
    const count = Math.min(words - written, type === "heading" ? random.int(4, 9) : random.int(40, 120));
    const start = length;
    for (let i = 0; i < count; i++) {
      if (i > 0) write(i % random.int(8, 20) === 0 ? ", " : random.next() < 0.06 ? ". " : " ");
      const word = random.pick(WORDS);
      wordStarts.push(length);
      write(i === 0 ? word[0].toUpperCase() + word.slice(1) : word);
      wordEnds.push(length);
    }
    if (type !== "heading") write(".");
    blocks.push(
      type === "heading" ? { type, start, end: length, level: random.int(1, 2) } : { type, start, end: length },
    );
    written += count;
  }
  const text = parts.join("");

  const spans: { start: number; end: number }[] = [];
  const base = Math.round(annotations * (1 - overlapShare));
  const window = Math.floor(wordStarts.length / base);
  for (let i = 0; i < base; i++) {
    const first = i * window + random.int(0, Math.max(0, window - 16));
    const last = Math.min(first + random.int(2, 14), (i + 1) * window - 1, wordEnds.length - 1);
    spans.push({ start: wordStarts[first], end: wordEnds[Math.max(first, last)] });
  }
  for (let i = base; i < annotations; i++) {
    const host = spans[random.int(0, base - 1)];
    const firstWord = wordStarts.findIndex((start) => start >= host.start);
    const hostWords = wordEnds.findIndex((end) => end >= host.end) - firstWord + 1;
    const from = firstWord + random.int(0, Math.max(0, hostWords - 1));
    // Half nest inside their host, half run past its end.
    const to =
      random.next() < 0.5
        ? Math.min(from + random.int(0, 3), firstWord + hostWords - 1)
        : Math.min(firstWord + hostWords - 1 + random.int(1, 8), wordEnds.length - 1);
    spans.push({ start: wordStarts[from], end: wordEnds[to] });
  }

  const sentence = (min: number, max: number) => {
    const count = random.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
    return `${out.join(" ")}.`;
  };
  // Numbered per kind in creation order, as the app does; no extra random draws, so the article stays the same.
  const lastNumber: Record<AnnotationKind, number> = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
  const view = spans.map((span, i): AnnotationView => {
    const kind: AnnotationKind = random.pick(["CLAIM", "CLAIM", "DENIAL", "ANALYSIS"] as const);
    const rated = kind !== "ANALYSIS" && random.next() < 0.85;
    const sources: SourceView[] = [];
    for (let s = random.int(0, 3); s > 0; s--) {
      sources.push({
        id: `s${i}-${s}`,
        position: sources.length,
        url: `https://source${random.int(1, 50)}.example/reports/${i}/${s}?ref=factmark&lang=en`,
        title: sentence(3, 8),
        publisher: random.pick(PUBLISHERS),
        quote: random.next() < 0.6 ? sentence(6, 20) : null,
        accessedAt: "2024-03-01T10:00:00.000Z",
        archiveUrl: random.next() < 0.5 ? `https://archive.example/web/2024/${i}/${s}` : null,
      });
    }
    return {
      id: `ann-${String(i).padStart(6, "0")}`,
      articleId: "bench",
      revisionId: "bench-r1",
      anchor: { status: "ANCHORED", score: 1 },
      previousQuote: null,
      kind,
      number: ++lastNumber[kind],
      label: annotationLabel(kind, lastNumber[kind]),
      ...span,
      ...quoteAt(text, span.start, span.end),
      speaker: random.next() < 0.7 ? random.pick(NAMES) : null,
      note: random.next() < 0.8 ? sentence(8, 30) : "",
      verdict: rated ? random.pick(VERDICTS) : null,
      rationale: rated ? sentence(10, 30) : null,
      deniesId: null,
      status: "APPROVED",
      publicNote: null,
      notRatedReason: null,
      version: 1,
      createdBy: { id: "u1", name: random.pick(NAMES) },
      createdAt: "2024-03-01T09:00:00.000Z",
      updatedAt: "2024-03-01T09:30:00.000Z",
      sources,
      lastReview:
        random.next() < 0.6
          ? {
              decision: "APPROVED",
              note: null,
              reviewer: { id: "u2", name: "Rex Reviewer" },
              at: "2024-03-02T10:00:00.000Z",
            }
          : null,
      editorIds: [],
    };
  });
  return {
    id: "bench",
    title: "A synthetic article for benchmarks",
    sourceUrl: "https://news.example/bench",
    publisher: "The Daily Example",
    author: "Bench Writer",
    publishedAt: "2024-02-28T00:00:00.000Z",
    modifiedAt: null,
    language: null,
    publicUrl: null,
    status: "SIGNED_OFF",
    version: 1,
    createdBy: { id: "u1", name: "Edna Editor" },
    createdAt: "2024-03-01T08:00:00.000Z",
    updatedAt: "2024-03-02T10:00:00.000Z",
    revision: { id: "bench-r1", number: 1, text, blocks, note: null, createdAt: "2024-03-01T08:00:00.000Z" },
    history: [
      {
        id: "bench-r1",
        number: 1,
        note: null,
        createdAt: "2024-03-01T08:00:00.000Z",
        createdBy: { id: "u1", name: "Edna Editor" },
        reanchoring: { anchored: 0, changed: 0, orphaned: 0 },
      },
    ],
    annotations: view,
    signOff: {
      decision: "APPROVED",
      note: null,
      reviewer: { id: "u2", name: "Rex Reviewer" },
      at: "2024-03-02T11:00:00.000Z",
    },
  };
}
