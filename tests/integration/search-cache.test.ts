import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { searchCacheCounts } from "@/lib/server/search/search-cache";
import { searchLibrary } from "@/lib/server/search/search-library";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// #18, decision 029 "A cache of answers": on SQLite a search's answer is kept until anything is committed,
// by this connection or any other; PostgreSQL has no cache.
const provider = testProvider();
const TEXT = "The harbourmaster said the walrus population tripled since the storm.";

let t: MigratedTestDatabase;
let editor: Actor;
let claimId = "";
let other: Db | null = null;

const search = (input: Record<string, unknown>, db: Db = t.db) => searchLibrary(db, { actor: editor, input });
const verdicts = async () =>
  Object.fromEntries((await search({ q: "walrus" })).facets.verdict.map((entry) => [entry.value, entry.count]));
const hits = () => searchCacheCounts().hits;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "cache-ed@example.org");
  const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Walrus count", text: TEXT } })).id;
  const start = TEXT.indexOf("the walrus population tripled");
  claimId = (
    await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start, end: start + 29, speaker: "Harbourmaster", verdict: "FALSE" },
    })
  ).id;
});
afterEach(() => {
  delete process.env.FACTMARK_SEARCH_CACHE;
});
afterAll(async () => {
  await other?.$disconnect();
  await t?.close();
});

describe(`the search cache on ${provider}`, () => {
  it(provider === "sqlite" ? "answers a repeated search from the cache" : "is not used", async () => {
    const first = await search({ q: "walrus" });
    const before = hits();
    expect(await search({ q: "walrus" })).toEqual(first);
    expect(hits() - before).toBe(provider === "sqlite" ? 1 : 0);
    // Another query, page or filter is another answer.
    await search({ q: "walrus", verdict: "TRUE" });
    expect(hits() - before).toBe(provider === "sqlite" ? 1 : 0);
  });

  it("forgets every answer after a write on the same connection", async () => {
    expect(await verdicts()).toEqual({ FALSE: 1 });
    await t.db.annotation.update({ where: { id: claimId }, data: { verdict: "TRUE" } });
    expect(await verdicts()).toEqual({ TRUE: 1 });
  });

  it("forgets every answer after a write committed by another connection", async () => {
    expect(await verdicts()).toEqual({ TRUE: 1 });
    other = await createDb(t.target);
    await other.annotation.update({ where: { id: claimId }, data: { verdict: "MISLEADING" } });
    expect(await verdicts()).toEqual({ MISLEADING: 1 });
    // And the other way round: the second connection's cache sees the first one's write.
    expect((await search({ q: "walrus" }, other)).facets.verdict).toEqual([{ value: "MISLEADING", count: 1 }]);
    await t.db.annotation.update({ where: { id: claimId }, data: { verdict: "MOSTLY_FALSE" } });
    expect((await search({ q: "walrus" }, other)).facets.verdict).toEqual([{ value: "MOSTLY_FALSE", count: 1 }]);
  });

  it("is not used with FACTMARK_SEARCH_CACHE=off", async () => {
    process.env.FACTMARK_SEARCH_CACHE = "off";
    await search({ q: "walrus" });
    const before = hits();
    await search({ q: "walrus" });
    expect(hits()).toBe(before);
  });
});
