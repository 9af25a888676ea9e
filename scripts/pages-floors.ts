/**
 * node --import tsx scripts/pages-floors.ts: measures every corpus page with
 * today's extractPage and writes tests/fixtures/pages/floors.json, the figures
 * lib/import/page/corpus.test.ts holds each page to (word F1 rounded down to 3
 * decimals; 1/0 for a non-article refused or not). Run it when the extractor
 * improves or a page is added, and review the diff: a floor that goes down is a
 * regression to explain.
 */
import fs from "node:fs";
import { FLOORS_FILE, loadCorpus, readFloors } from "../lib/import/page/corpus";
import { floorOf, scorePage, scoreTable } from "../lib/import/page/corpus-score";

const before = readFloors();
const scores = loadCorpus().map((page) => scorePage(page));
const floors = Object.fromEntries(scores.map((score) => [score.name, floorOf(score.score)]));
fs.writeFileSync(FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`);

console.log(scoreTable(scores));
const lowered = scores.filter((s) => before[s.name] !== undefined && floors[s.name] < before[s.name]);
for (const s of lowered) console.log(`LOWERED ${s.name}: ${before[s.name]} → ${floors[s.name]}`);
console.log(`wrote ${FLOORS_FILE} (${scores.length} pages)`);
