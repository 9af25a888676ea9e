import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus, readFloors } from "./corpus";
import { type PageScore, scorePage, scoreTable } from "./corpus-score";

/**
 * The corpus test: every saved page (tests/fixtures/pages/) through
 * extractPage. An article's word F1 against its human-marked body must not drop
 * below its floor; a page that is not an article, once refused, must stay
 * refused. Floors are the figures when the work was finished
 * (node --import tsx scripts/pages-floors.ts writes them).
 */
const pages = loadCorpus();
const floors = readFloors();
const scores: PageScore[] = [];

describe("news page corpus", () => {
  it("has a floor for every page (run scripts/pages-floors.ts after adding one)", () => {
    expect(pages.filter((page) => floors[page.name] === undefined).map((page) => page.name)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  for (const page of pages) {
    const kind = page.expectedText === undefined ? "is refused as not an article" : "keeps its article body";
    it(`${page.name} ${kind} (floor ${floors[page.name]})`, () => {
      const score = scorePage(page);
      scores.push(score);
      expect(score.score).toBeGreaterThanOrEqual(floors[page.name] ?? 1);
    }, 60_000); // a 4.5 MB page on a shared 2-core machine: a time limit, not a speed assertion (the bench measures speed)
  }

  afterAll(() => {
    console.log(`\n${scoreTable(scores.sort((a, b) => a.name.localeCompare(b.name)))}\n`);
  });
});
