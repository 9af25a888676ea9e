import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { normaliseClaim } from "@/lib/domain/claim-text";
import { createArticle } from "@/lib/server/article/create-article";
import { findSimilarClaims } from "@/lib/server/claims/find-similar-claims";
import { fullTextCandidates } from "@/lib/server/claims/full-text-candidates";
import { createActor } from "../support/actors";
import {
  FRESH_SET_DIR,
  HARD_SET_DIR,
  loadQualitySet,
  LONG_SET_DIR,
  QUALITY_SET_DIR,
  type QualityClaim,
  type QualityQuery,
  type QualitySet,
} from "../support/claim-quality-set";
import { qualityFigures, type QualityFigures, type Ranked } from "../support/claim-quality-metrics";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// The "Checked before" quality test (decision 030): every rated claim of tests/fixtures/claims and of its hard set
// (hard/: long, reworded posts, and 1,500 more distractors) goes into one fresh database, in articles of about 40
// claims; every post and near-miss of each set goes through the use case. The figures are printed; each must stay at
// or above its floor (floors.json: what the method reached, less a small margin).
const provider = testProvider();
const main = loadQualitySet();
const hard = loadQualitySet(HARD_SET_DIR, main.claims);
// Fresh posts (session 27), by a writer who never saw the method, repeat claims of the main set and take their split.
const fresh = loadQualitySet(FRESH_SET_DIR, main.claims);
// Long reworded posts (session 28), by another writer who never saw the method: the hard set's kind of post, blind.
const long = loadQualitySet(LONG_SET_DIR, main.claims);
const sets = { main, hard, fresh, long } satisfies Record<string, QualitySet>;
type SetName = keyof typeof sets;
type Floors = Partial<Record<"dev" | "held", Pick<QualityFigures, "recallAt5" | "mapAt5" | "nearMissPrecision">>>;
const floors = JSON.parse(fs.readFileSync(path.join(QUALITY_SET_DIR, "floors.json"), "utf8")) as Record<
  string,
  Record<SetName, Floors>
>;
const MEASURED: [SetName, "dev" | "held"][] = [
  ["main", "dev"],
  ["main", "held"],
  ["hard", "dev"],
  ["hard", "held"],
  ["fresh", "dev"],
  ["fresh", "held"],
  ["long", "dev"],
  ["long", "held"],
];

let t: MigratedTestDatabase;
let editor: Actor;
const claimOf = new Map<string, string>();

async function loadClaims(claims: QualityClaim[]) {
  for (let from = 0; from < claims.length; from += 40) {
    const batch = claims.slice(from, from + 40);
    const text = batch.map((claim) => claim.text).join("\n\n");
    const article = await createArticle(t.db, {
      actor: editor,
      input: { title: `Quality set ${from / 40 + 1}`, text },
    });
    const revision = await t.db.articleRevision.findFirstOrThrow({ where: { articleId: article.id } });
    let start = 0;
    const rows = batch.map((claim, index) => {
      const row = {
        id: `q-${claim.id}`,
        articleId: article.id,
        revisionId: revision.id,
        kind: "CLAIM" as const,
        start,
        end: start + claim.text.length,
        quote: claim.text,
        prefix: "",
        suffix: "",
        speaker: claim.speaker,
        verdict: claim.verdict as "FALSE",
        rationale: `Rated ${claim.verdict} in the quality set.`,
        number: index + 1,
        status: "APPROVED" as const,
        createdById: editor.id,
      };
      start += claim.text.length + 2;
      claimOf.set(row.id, claim.id);
      return row;
    });
    await t.db.annotation.createMany({ data: rows });
  }
}

async function useCase(query: QualityQuery): Promise<Ranked> {
  const { items } = await findSimilarClaims(t.db, { actor: editor, input: { text: query.text, limit: 5 } });
  return items.map((item) => ({ claimId: claimOf.get(item.annotationId) ?? "", relation: item.relation }));
}

/**
 * Baselines: the full-text index's own rank (bm25 / ts_rank_cd) and nothing else, over the post's words as
 * written ("plain") or over the normaliser's query words ("normalised": numbers, abbreviations, no stop words).
 */
const fullTextOnly = (words: (text: string) => string[]) => async (query: QualityQuery) => {
  const candidates = await fullTextCandidates(t.db, words(query.text), 5);
  return candidates.map((c) => ({ claimId: claimOf.get(c.annotationId) ?? "", relation: "same" as const }));
};
const plainWords = (text: string) => [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
const normalisedWords = (text: string) => normaliseClaim(text).queryWords;

async function figures(set: QualitySet, split: "dev" | "held", rank: (query: QualityQuery) => Promise<Ranked>) {
  const run = (queries: QualityQuery[]) =>
    Promise.all(queries.filter((q) => q.split === split).map(async (query) => ({ query, ranked: await rank(query) })));
  return qualityFigures(await run(set.posts), await run(set.nearMisses));
}

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "quality@example.org");
  await loadClaims([...main.claims, ...hard.claims]);
}, 180_000);
afterAll(() => t?.close());

describe(`"Checked before" quality on ${provider}`, () => {
  it("the quality sets are as large as decision 030 says", () => {
    const withPosts = new Set(main.posts.map((post) => post.claimId));
    expect(main.claims.length).toBeGreaterThanOrEqual(300);
    expect(withPosts.size).toBeGreaterThanOrEqual(200);
    expect(main.nearMisses.length).toBeGreaterThanOrEqual(100);
    expect(hard.posts.length).toBeGreaterThanOrEqual(200);
    expect(hard.claims.length).toBeGreaterThanOrEqual(1_500);
    expect(hard.nearMisses.length).toBeGreaterThanOrEqual(25);
    expect(fresh.posts.length).toBeGreaterThanOrEqual(160);
    expect(fresh.nearMisses.length).toBeGreaterThanOrEqual(35);
    expect(long.posts.length).toBeGreaterThanOrEqual(200);
    expect(long.nearMisses.length).toBeGreaterThanOrEqual(50);
  });

  for (const [name, split] of MEASURED) {
    it(`keeps recall@5, MAP@5 and near-miss precision on the ${name} set's ${split} split at or above their floors`, async () => {
      const set = sets[name];
      const method = await figures(set, split, useCase);
      const plain = await figures(set, split, fullTextOnly(plainWords));
      const normalised = await figures(set, split, fullTextOnly(normalisedWords));
      const tag = `[claims-quality] ${provider} ${name} ${split}`;
      console.log(`${tag} method                ${JSON.stringify(method)}`);
      console.log(`${tag} full text, plain      ${JSON.stringify(plain)}`);
      console.log(`${tag} full text, normalised ${JSON.stringify(normalised)}`);
      const floor = floors[provider][name][split];
      expect(floor, `floors.json has ${provider} ${name} ${split}`).toBeDefined();
      expect(method.recallAt5).toBeGreaterThanOrEqual(floor!.recallAt5);
      expect(method.mapAt5).toBeGreaterThanOrEqual(floor!.mapAt5);
      expect(method.nearMissPrecision).toBeGreaterThanOrEqual(floor!.nearMissPrecision);
    }, 120_000);
  }
});
