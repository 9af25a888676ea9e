import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { MARK_END, MARK_START, snippetParts } from "@/lib/domain/search-query";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { searchLibrary } from "@/lib/server/search/search-library";
import type { SearchResult } from "@/lib/views/search-view";
import { createActor } from "../support/actors";
import { refusal } from "../support/refusal";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";
import { spanOf } from "../support/text-span";

// #18: search across every article, on the full-text index the triggers keep (search-index.test.ts).
const provider = testProvider();

const TEXT_A =
  "The governor said the lighthouse budget rose by twenty percent this year.\n\n" +
  "Critics said the ferry service was cut twice, which the port authority denied.\n\n" +
  "Tourism brought in more visitors than ever, according to the mayor.";
const TEXT_B =
  "A senator claimed that fishing quotas halved the harbour catch.\n\n" +
  "The ministry replied that the catch grew, citing the lighthouse survey.\n\n" +
  "Analysts noted that both figures came from different seasons.";

const span = spanOf;

let t: MigratedTestDatabase;
let editor: Actor;
let reviewer: Actor;
const ids: Record<string, string> = {};
let articleA = "";
let articleB = "";

const search = (input: Record<string, unknown>, actor = reviewer) => searchLibrary(t.db, { actor, input });
const found = (result: SearchResult) => result.annotations.items.map((item) => item.id);
const facet = (result: SearchResult, name: keyof SearchResult["facets"]) =>
  Object.fromEntries(result.facets[name].map((entry) => [entry.value, entry.count]));

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "search-ed@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "search-rev@example.org");
  articleA = (await createArticle(t.db, { actor: editor, input: { title: "Island budget check", text: TEXT_A } })).id;
  articleB = (await createArticle(t.db, { actor: editor, input: { title: "Harbour catch dispute", text: TEXT_B } })).id;
  const make = async (name: string, articleId: string, text: string, phrase: string, fields: object) => {
    ids[name] = (
      await createAnnotation(t.db, { actor: editor, articleId, input: { ...span(text, phrase), ...fields } })
    ).id;
  };
  // "lighthouse" in the quote of one claim, only in the note of another.
  await make("budget", articleA, TEXT_A, "the lighthouse budget rose by twenty percent", {
    kind: "CLAIM",
    speaker: "Governor Vale",
    verdict: "FALSE",
  });
  await make("ferry", articleA, TEXT_A, "the ferry service was cut twice", {
    kind: "CLAIM",
    speaker: "Critics",
    verdict: "TRUE",
    note: "Compare with the lighthouse accounts",
  });
  await make("denied", articleA, TEXT_A, "which the port authority denied", {
    kind: "DENIAL",
    speaker: "Port authority",
    verdict: "MOSTLY_FALSE",
    deniesId: undefined,
  });
  await make("quotas", articleB, TEXT_B, "fishing quotas halved the harbour catch", {
    kind: "CLAIM",
    speaker: "Governor Vale",
    verdict: "FALSE",
    rationale: "Landing records show the catch grew",
    sources: [
      { url: "https://example.org/landings", title: "Annual landings register", publisher: "Fisheries Office" },
    ],
  });
  await make("seasons", articleB, TEXT_B, "both figures came from different seasons", {
    kind: "ANALYSIS",
    note: "Seasonal catch varies",
  });
});
afterAll(() => t?.close());

describe(`search on ${provider}`, () => {
  it("ranks a match in the quote above a match in the note", async () => {
    const result = await search({ q: "lighthouse" });
    expect(found(result)).toEqual([ids.budget, ids.ferry]);
    expect(result.annotations.total).toBe(2);
    expect(result.annotations.items[0].rank).toBeGreaterThan(result.annotations.items[1].rank);
    expect(result.annotations.items[0]).toMatchObject({
      articleId: articleA,
      articleTitle: "Island budget check",
      kind: "CLAIM",
      label: "C1",
      verdict: "FALSE",
      status: "DRAFT",
      speaker: "Governor Vale",
    });
  });

  it("marks the matching words in the snippet, stemmed", async () => {
    const result = await search({ q: "Ferries" });
    expect(found(result)).toEqual([ids.ferry]);
    const snippet = result.annotations.items[0].snippet;
    expect(snippet).toContain(`${MARK_START}ferry${MARK_END}`);
    expect(snippetParts(snippet).filter((part) => part.marked)).toEqual([{ text: "ferry", marked: true }]);
  });

  it("finds by speaker, rationale and a source's title or publisher; requires every word", async () => {
    expect(found(await search({ q: "Vale" })).sort()).toEqual([ids.budget, ids.quotas].sort());
    expect(found(await search({ q: "landing records" }))).toEqual([ids.quotas]);
    expect(found(await search({ q: "register fisheries" }))).toEqual([ids.quotas]);
    expect(found(await search({ q: "lighthouse fisheries" }))).toEqual([]);
  });

  it("lists the articles whose title or text match, apart", async () => {
    const result = await search({ q: "harbour" });
    expect(result.articles.items.map((item) => item.id)).toEqual([articleB]);
    expect(result.articles.total).toBe(1);
    expect(result.articles.items[0]).toMatchObject({ title: "Harbour catch dispute", status: "DRAFT" });
    expect(result.articles.items[0].snippet).toContain(`${MARK_START}harbour${MARK_END}`);
    const byText = await search({ q: "tourism" });
    expect(byText.articles.items.map((item) => item.id)).toEqual([articleA]);
    expect(found(byText)).toEqual([]);
  });

  it("filters by kind, verdict, speaker, status and dates, each facet counting under the other filters", async () => {
    const all = await search({ q: "catch" });
    expect(found(all).sort()).toEqual([ids.quotas, ids.seasons].sort());
    expect(facet(all, "kind")).toEqual({ CLAIM: 1, ANALYSIS: 1 });
    expect(facet(all, "verdict")).toEqual({ FALSE: 1 });
    expect(facet(all, "status")).toEqual({ DRAFT: 2 });
    expect(facet(all, "speaker")).toEqual({ "Governor Vale": 1 });

    const claims = await search({ q: "catch", kind: "CLAIM" });
    expect(found(claims)).toEqual([ids.quotas]);
    expect(claims.annotations.total).toBe(1);
    // The kind facet still counts every kind (under the other filters), so the user can switch.
    expect(facet(claims, "kind")).toEqual({ CLAIM: 1, ANALYSIS: 1 });

    const byVerdict = await search({ q: "", verdict: "FALSE" });
    expect(found(byVerdict).sort()).toEqual([ids.budget, ids.quotas].sort());
    expect(facet(byVerdict, "speaker")).toEqual({ "Governor Vale": 2 });
    expect(facet(byVerdict, "verdict")).toEqual({ FALSE: 2, TRUE: 1, MOSTLY_FALSE: 1 });

    expect(found(await search({ speaker: "Governor Vale", kind: "CLAIM", verdict: "FALSE" })).sort()).toEqual(
      [ids.budget, ids.quotas].sort(),
    );
    expect(found(await search({ q: "catch", status: "APPROVED" }))).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    expect(found(await search({ q: "catch", from: today, to: today })).length).toBe(2);
    expect(found(await search({ q: "catch", to: "2020-01-01" }))).toEqual([]);
    expect(found(await search({ q: "catch", from: "2999-01-01" }))).toEqual([]);
  });

  it("browses newest first without words, with every annotation counted", async () => {
    const result = await search({});
    expect(result.annotations.total).toBe(5);
    expect(found(result)[0]).toBe(ids.seasons);
    expect(facet(result, "kind")).toEqual({ CLAIM: 3, DENIAL: 1, ANALYSIS: 1 });
    expect(result.articles.items).toEqual([]);
  });

  it("answers hostile queries with results or nothing, never an error", async () => {
    const hostile = [
      '"',
      '"lighthouse',
      "*",
      "light*",
      "NEAR(",
      "NEAR(lighthouse ferry, 2)",
      "-",
      "-lighthouse",
      ":",
      "quote:lighthouse",
      "lighthouse AND OR NOT",
      "(",
      "^lighthouse",
      '\'; DROP TABLE "Annotation"; --',
      "\\",
      "a".repeat(500),
      "lighthouse ".repeat(45).slice(0, 500),
      "ünïcödé café",
      "🙂 lighthouse",
    ];
    for (const q of hostile) {
      const result = await search({ q });
      expect(Array.isArray(result.annotations.items), q).toBe(true);
    }
    expect(found(await search({ q: '"lighthouse' }))).toEqual([ids.budget, ids.ferry]);
    expect(found(await search({ q: "quote:lighthouse" }))).toEqual([]);
    expect((await search({ q: "*" })).annotations.total).toBe(0);
    expect(await t.db.annotation.count()).toBe(5);
  });

  it("refuses bad input as 422 naming the field", async () => {
    expect((await refusal(search({ q: "x".repeat(501) })))?.fields).toEqual(["q"]);
    expect((await refusal(search({ kind: "OPINION" })))?.fields).toEqual(["kind"]);
    expect((await refusal(search({ verdict: "MAYBE" })))?.fields).toEqual(["verdict"]);
    expect((await refusal(search({ status: "LOST" })))?.fields).toEqual(["status"]);
    expect((await refusal(search({ from: "yesterday" })))?.fields).toEqual(["from"]);
    expect((await refusal(search({ from: "2026-02-01", to: "2026-01-01" })))?.fields).toEqual(["to"]);
    expect((await refusal(search({ page: "0" })))?.fields).toEqual(["page"]);
    expect((await refusal(search({ page: "501" })))?.fields).toEqual(["page"]);
    expect(await refusal(search({ page: "2", kind: "" }))).toBeNull();
  });

  it("pages twenty at a time", async () => {
    const result = await search({ q: "lighthouse", page: "2" });
    expect(result.annotations).toMatchObject({ items: [], total: 2, page: 2, pageSize: 20 });
  });
});
