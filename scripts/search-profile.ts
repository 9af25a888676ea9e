/**
 * Search profile (#18): where one search's time goes, in process, one query at a time, over a seeded library
 * (the search bench's, lib/search-seed.ts), per step (ranking, facet counts, articles) and per query kind.
 * The library is kept in a file between runs (pending migrations are applied to it), so a change can be measured
 * against the same data.
 *
 *   node --import tsx scripts/search-profile.ts --file /tmp/search-profile.db [--annotations 100000] [--queries 300] [--cpu]
 */
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createDb } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrations";
import { resolveDatabase } from "../lib/db/providers";
import { searchWords } from "../lib/domain/search-query";
import { searchLibrary } from "../lib/server/search/search-library";
import { sqliteSearch } from "../lib/server/search/sqlite-search";
import { searchBounds } from "../lib/domain/search-bounds";
import { percentiles } from "./bench/lib/collab-verify";
import { printTable } from "./bench/lib/print-table";
import { QUERY_KINDS } from "./bench/lib/search-load";
import { seedLibrary } from "./bench/lib/search-seed";
import { prng } from "./bench/lib/synthetic-article";

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(`--${flag}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const FILE = option("file", "/tmp/search-profile.db");
const ANNOTATIONS = Number(option("annotations", "100000"));
const QUERIES = Number(option("queries", "300"));

// Every search computed (the bench's queries rarely repeat; the cache is measured over HTTP).
process.env.FACTMARK_SEARCH_CACHE = "off";
const fresh = !fs.existsSync(FILE);
const target = resolveDatabase(`file:${FILE}`);
await applyPendingMigrations(target);
const db = await createDb(target);
const materialFile = `${FILE}.material.json`;
if (fresh) {
  const owner = await db.user.create({ data: { email: "p@bench.example", name: "P", role: "EDITOR" } });
  const material = await seedLibrary(db, { articles: ANNOTATIONS / 50, annotations: ANNOTATIONS, authorId: owner.id });
  fs.writeFileSync(materialFile, JSON.stringify(material));
  await db.$executeRawUnsafe("ANALYZE");
}
const material = JSON.parse(fs.readFileSync(materialFile, "utf8"));
const actor = { id: "p", email: "p@bench.example", name: "P", role: "EDITOR" as const, via: "session" as const };

const random = prng(5);
const times: Record<string, Record<string, number[]>> = {};
const add = (kind: string, step: string, value: number) => ((times[kind] ??= {})[step] ??= []).push(value);
/** Wall time, or with --cpu this process's CPU time (steadier on a machine shared with other work). */
const CPU = process.argv.includes("--cpu");
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, CPU ? (used.user + used.system) / 1000 : performance.now() - started];
};
for (let n = 0; n < QUERIES; n++) {
  const kind = random.pick(QUERY_KINDS);
  const url = new URL(kind.path(random, material), "http://x");
  const input = Object.fromEntries(url.searchParams);
  const words = searchWords(input.q ?? "");
  const filters = { kind: input.kind, verdict: input.verdict, speaker: input.speaker } as Record<string, string>;
  for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
  const page = Number(input.page ?? 1);
  // As served (bounded by the match count, decision 029 "Bounded work"), and over every match as before it.
  const [matchCount, count] = await timed(() => sqliteSearch.matchCount!(db, words));
  const bounds = searchBounds(matchCount, Object.keys(filters).length > 0);
  const [, rank] = await timed(() => sqliteSearch.page(db, words, filters, (page - 1) * 20, 20, bounds));
  const [, rankBefore] = await timed(() => sqliteSearch.page(db, words, filters, (page - 1) * 20, 20));
  const [, facets] = await timed(() => sqliteSearch.facets(db, words, filters, bounds));
  const [, facetsBefore] = await timed(() => sqliteSearch.facets(db, words, filters));
  const [, articles] = await timed(() => sqliteSearch.articles(db, words, 5));
  const [result, whole] = await timed(() => searchLibrary(db, { actor, input }));
  for (const k of [kind.name, "all"]) {
    add(k, "count", count);
    add(k, "ranking", rank);
    add(k, "ranking before", rankBefore);
    add(k, "facets", facets);
    add(k, "facets before", facetsBefore);
    add(k, "articles", articles);
    add(k, "searchLibrary", whole);
    add(k, "matches", result.annotations.total);
  }
}
const fmt = (list: number[]) => {
  const p = percentiles(list);
  return `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`;
};
printTable(
  `search profile, in process, one at a time (${QUERIES} queries, ${FILE}): p50 / p95 ms of ${CPU ? "CPU" : "wall"} time`,
  [
    "kind",
    "count",
    "ranking",
    "(every match)",
    "facets",
    "(every match)",
    "articles",
    "searchLibrary",
    "matches p50 / p95",
  ],
  Object.entries(times).map(([kind, steps]) => [
    kind,
    fmt(steps.count),
    fmt(steps.ranking),
    fmt(steps["ranking before"]),
    fmt(steps.facets),
    fmt(steps["facets before"]),
    fmt(steps.articles),
    fmt(steps.searchLibrary),
    fmt(steps.matches),
  ]),
);
console.log(
  `load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")} (${os.cpus().length} cores)`,
);
await db.$disconnect();
