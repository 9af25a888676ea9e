import fs from "node:fs";
import path from "node:path";
import { quoteAt } from "../../../lib/anchoring/selector";
import type { Db } from "../../../lib/db/client";
import { VERDICTS, type AnnotationKind } from "../../../lib/domain/annotation";
import { cuidLike } from "./cuid-like";
import { prng } from "./synthetic-article";

/**
 * The search bench's library: `articles` articles of claim-like text and `annotations` annotations
 * spread over them, written straight into the tables in chunks (through the search index's
 * triggers, as any write). Text: sentences of ../shared/fixtures/seed-article.txt with their
 * figures, names and places varied, so that the index holds many distinct words and numbers.
 */
const CHUNK = 1_000;

const SEED_TEXT = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8").replace(/\r\n?/g, "\n");
/** The seed's sentences (long enough to be claims). */
export const SENTENCES = SEED_TEXT.split(/\n+/)
  .flatMap((paragraph) => paragraph.split(/(?<=[.!?”])\s+(?=[A-Z“])/))
  .map((sentence) => sentence.trim())
  .filter((sentence) => sentence.length >= 40);

const PLACES = [
  "Rome",
  "Beijing",
  "Kyiv",
  "Lagos",
  "Lima",
  "Oslo",
  "Dhaka",
  "Quito",
  "Accra",
  "Hanoi",
  "Tbilisi",
  "Perth",
];
const TOPICS = [
  "inflation",
  "wages",
  "exports",
  "tariffs",
  "vaccines",
  "emissions",
  "rents",
  "pensions",
  "crime",
  "grain",
];
const FIRST = ["Ana", "Ben", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Malik"];
const LAST = [
  "Okafor",
  "Silva",
  "Novak",
  "Haddad",
  "Kowalski",
  "Tanaka",
  "Mensah",
  "Larsen",
  "Ortiz",
  "Petrov",
  "Quist",
];
const SPEAKERS = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`));
const PUBLISHERS = ["Statistics Office", "Central Bank", "The Daily Example", "Wire Service", "Fiscal Institute"];

const MOVES = ["rose", "fell", "doubled", "halved", "stalled", "climbed", "dropped", "tripled", "slowed", "recovered"];
const UNITS = ["percent", "points", "million", "billion", "tonnes", "jobs", "cases", "homes"];
const SINCE = ["since", "in", "before", "after", "during", "by"];

/**
 * A sentence with its figures, places and topics changed, and sometimes a figure-bearing clause
 * added, so that sentences repeat with different details, as claims do.
 */
function vary(sentence: string, random: ReturnType<typeof prng>): string {
  const varied = sentence
    .replace(/\d+(\.\d+)?/g, () => String(random.int(2, 980)))
    .replace(/\b(Rome|China|Russia|Ukraine|Italian)\b/g, () => random.pick(PLACES));
  if (random.next() < 0.5) return varied;
  const clause = `${random.pick(TOPICS)} ${random.pick(MOVES)} ${random.int(2, 900)} ${random.pick(UNITS)} ${random.pick(SINCE)} ${random.int(1990, 2026)}`;
  return `${varied} In ${random.pick(PLACES)}, ${clause}.`;
}

type Sentence = { start: number; end: number };

function articleText(random: ReturnType<typeof prng>): { text: string; sentences: Sentence[]; blocks: string } {
  let text = "";
  const sentences: Sentence[] = [];
  const blocks: { type: "paragraph"; start: number; end: number }[] = [];
  const paragraphs = random.int(4, 8);
  for (let p = 0; p < paragraphs; p++) {
    if (p) text += "\n\n";
    const paragraphStart = text.length;
    for (let s = random.int(2, 5); s > 0; s--) {
      if (text.length > paragraphStart) text += " ";
      const sentence = vary(random.pick(SENTENCES), random);
      sentences.push({ start: text.length, end: text.length + sentence.length });
      text += sentence;
    }
    blocks.push({ type: "paragraph", start: paragraphStart, end: text.length });
  }
  return { text, sentences, blocks: JSON.stringify(blocks) };
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const KINDS: AnnotationKind[] = ["CLAIM", "CLAIM", "CLAIM", "DENIAL", "ANALYSIS"];
const STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "APPROVED", "CHANGES_REQUESTED"] as const;
const YEAR_MS = 365 * 86_400_000;

/** Writes the library; returns the annotations' quotes (where the load draws its words from). */
export async function seedLibrary(
  db: Db,
  {
    articles,
    annotations,
    authorId,
    seed = 18,
  }: { articles: number; annotations: number; authorId: string; seed?: number },
): Promise<{ quotes: string[]; speakers: string[] }> {
  const random = prng(seed);
  const now = Date.now();
  const quotes: string[] = [];
  for (let first = 0; first < articles; first += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, articles - first) }, (_, i) => {
      const { text, sentences, blocks } = articleText(random);
      const createdAt = new Date(now - random.next() * YEAR_MS);
      return { id: cuidLike(), revisionId: cuidLike(), number: first + i + 1, text, sentences, blocks, createdAt };
    });
    await db.article.createMany({
      data: batch.map((article) => ({
        id: article.id,
        title: `${random.pick(TOPICS)} in ${random.pick(PLACES)}: check ${article.number}`,
        createdById: authorId,
        createdAt: article.createdAt,
      })),
    });
    await db.articleRevision.createMany({
      data: batch.map((article) => ({
        id: article.revisionId,
        articleId: article.id,
        number: 1,
        text: article.text,
        blocks: article.blocks,
        createdById: authorId,
        createdAt: article.createdAt,
      })),
    });
    // One statement per chunk: the current revision is the only one (the index's trigger reads its text).
    await db.$executeRaw`UPDATE "Article" SET "currentRevisionId" = (SELECT r."id" FROM "ArticleRevision" r WHERE r."articleId" = "Article"."id") WHERE "currentRevisionId" IS NULL`;

    // The annotations spread evenly (the first articles take the remainder), each on one sentence of its article.
    const rows = batch.flatMap((article, a) => {
      const count = Math.floor(annotations / articles) + (first + a < annotations % articles ? 1 : 0);
      const numbers = { CLAIM: 0, DENIAL: 0, ANALYSIS: 0 };
      return Array.from({ length: count }, () => {
        const sentence = random.pick(article.sentences);
        const kind = random.pick(KINDS);
        numbers[kind]++;
        const rated = kind !== "ANALYSIS";
        const createdAt = new Date(article.createdAt.getTime() + random.next() * 14 * 86_400_000);
        const { quote, prefix, suffix } = quoteAt(article.text, sentence.start, sentence.end);
        quotes.push(quote);
        return {
          id: cuidLike(),
          articleId: article.id,
          revisionId: article.revisionId,
          kind,
          number: numbers[kind],
          start: sentence.start,
          end: sentence.end,
          quote,
          prefix,
          suffix,
          speaker: kind === "ANALYSIS" ? null : random.pick(SPEAKERS),
          verdict: rated && random.next() < 0.85 ? random.pick(VERDICTS) : null,
          rationale: rated
            ? `${random.pick(PUBLISHERS)} figures show ${random.pick(TOPICS)} at ${random.int(1, 99)} percent.`
            : null,
          note: random.next() < 0.3 ? `Ask ${random.pick(SPEAKERS)} about ${random.pick(TOPICS)}.` : "",
          status: random.pick(STATUSES),
          createdById: authorId,
          createdAt,
          updatedAt: createdAt,
        };
      });
    });
    await inChunks(rows, (chunk) => db.annotation.createMany({ data: chunk }));
    const sources = rows
      .filter(() => random.next() < 0.3)
      .map((row) => ({
        id: cuidLike(),
        annotationId: row.id,
        position: 0,
        url: `https://example.org/${row.id}`,
        title: `${random.pick(TOPICS)} report ${random.int(2000, 2026)}`,
        publisher: random.pick(PUBLISHERS),
      }));
    await inChunks(sources, (chunk) => db.source.createMany({ data: chunk }));
  }
  return { quotes, speakers: SPEAKERS };
}
