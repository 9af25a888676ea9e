import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { RANKED_AT_MOST } from "@/lib/domain/search-bounds";
import { createArticle } from "@/lib/server/article/create-article";
import { searchLibrary } from "@/lib/server/search/search-library";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// #18, decision 029 "Bounded work": a search whose words match more annotations than the pages reach. On SQLite
// only the newest RANKED_AT_MOST matches are ranked when no filter is set, and the facet counts are estimated from
// a sample; on PostgreSQL (no bounds) everything stays exact. Both are checked on the same library.
const provider = testProvider();

const TEXT = "The mayor said the pier cost four million to repair.";
/** The oldest annotations match the word best (three times in a short quote): they would rank first over every match. */
const STRONG = 500;
const TOTAL = RANKED_AT_MOST + STRONG;
const KINDS = ["CLAIM", "DENIAL", "ANALYSIS"] as const;

let t: MigratedTestDatabase;
let editor: Actor;
const strongIds = new Set<string>();

const search = (input: Record<string, unknown>) => searchLibrary(t.db, { actor: editor, input });

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "bounds-ed@example.org");
  const article = await createArticle(t.db, { actor: editor, input: { title: "Pier repairs", text: TEXT } });
  const { currentRevisionId } = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
  const started = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: TOTAL }, (_, i) => {
    const kind = KINDS[i % 3]; // Periodic on purpose: a sample by row number modulo 3 would see one kind only.
    const strong = i < STRONG;
    const id = `bounds${String(i).padStart(6, "0")}`;
    if (strong) strongIds.add(id);
    return {
      id,
      articleId: article.id,
      revisionId: currentRevisionId!,
      kind,
      number: Math.floor(i / 3) + 1,
      start: 0,
      end: 9,
      quote: strong ? "pelican pelican pelican" : `The mayor said the pelican count ${i} rose again this year.`,
      prefix: "",
      suffix: "",
      status: "DRAFT" as const,
      createdById: editor.id,
      createdAt: new Date(started + i * 60_000),
      updatedAt: new Date(started + i * 60_000),
    };
  });
  for (let i = 0; i < rows.length; i += 1_000) await t.db.annotation.createMany({ data: rows.slice(i, i + 1_000) });
  // A word in a few of them: well under the bound.
  await t.db.annotation.updateMany({
    where: { id: { in: ["bounds000007", "bounds009001"] } },
    data: { note: "heron" },
  });
}, 120_000);
afterAll(() => t?.close());

describe(`a search matching more annotations than the pages reach, on ${provider}`, () => {
  it("without a filter: the total is exact; on SQLite only the newest are ranked and the facets are estimates", async () => {
    const result = await search({ q: "pelican" });
    expect(result.annotations.total).toBe(TOTAL);
    const kinds = Object.fromEntries(result.facets.kind.map((entry) => [entry.value, entry.count]));
    if (provider === "sqlite") {
      expect(result.annotations.rankedNewest).toBe(RANKED_AT_MOST);
      expect(result.annotations.estimated).toBe(true);
      // The strongest matches are the oldest, outside the newest RANKED_AT_MOST: not ranked, so not on page one.
      expect(result.annotations.items.some((item) => strongIds.has(item.id))).toBe(false);
      // Each kind is a third: the hashed sample is not fooled by the period, within 15 %.
      for (const kind of KINDS) expect(Math.abs(kinds[kind] / (TOTAL / 3) - 1), kind).toBeLessThan(0.15);
    } else {
      expect(result.annotations).toMatchObject({ rankedNewest: null, estimated: false });
      expect(result.annotations.items.every((item) => strongIds.has(item.id))).toBe(true);
      expect(kinds).toEqual({ CLAIM: TOTAL / 3, DENIAL: TOTAL / 3, ANALYSIS: TOTAL / 3 });
    }
  });

  it("with a filter: every match under it is ranked (the strongest come first); the total is an estimate on SQLite", async () => {
    const result = await search({ q: "pelican", kind: "DENIAL" });
    expect(result.annotations.rankedNewest).toBeNull();
    expect(result.annotations.items.length).toBe(20);
    expect(result.annotations.items.every((item) => strongIds.has(item.id) && item.kind === "DENIAL")).toBe(true);
    if (provider === "sqlite") {
      expect(result.annotations.estimated).toBe(true);
      expect(Math.abs(result.annotations.total / (TOTAL / 3) - 1)).toBeLessThan(0.15);
      // Two significant figures: an estimate does not pretend to be a count.
      expect(result.annotations.total % 100).toBe(0);
    } else expect(result.annotations).toMatchObject({ estimated: false, total: TOTAL / 3 });
  });

  it("a word under the bound is counted and ranked exactly", async () => {
    const result = await search({ q: "heron" });
    expect(result.annotations).toMatchObject({ total: 2, estimated: false, rankedNewest: null });
    expect(result.annotations.items.map((item) => item.id).sort()).toEqual(["bounds000007", "bounds009001"]);
  });
});
