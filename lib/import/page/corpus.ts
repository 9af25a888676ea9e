import fs from "node:fs";
import path from "node:path";
import type { PageMetadata } from "./types";

/**
 * The corpus of saved news pages (tests/fixtures/pages/README.md): each folder
 * holds page.html, expected.json (metadata a reader would write down) and, for
 * an article, expected.txt (its body as a reader sees it). Read relative to
 * this file so vitest, the bench and scripts find it from any working directory.
 */
export const PAGES_DIR = path.resolve(import.meta.dirname, "../../../tests/fixtures/pages");
export const FLOORS_FILE = path.join(PAGES_DIR, "floors.json");

/** What a reader would write down about the page (expected.json); `notArticle` for a page that is not an article. */
export type ExpectedPage = PageMetadata & { notArticle?: true };

export type CorpusPage = {
  name: string;
  html: string;
  expected: ExpectedPage;
  /** The article body, blocks separated by blank lines; undefined for a page that is not an article. */
  expectedText?: string;
};

/** Page folders in name order; folders starting with "_" (the generator) are not pages. */
export function corpusPageNames(): string[] {
  return fs
    .readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name)
    .sort();
}

export function loadCorpusPage(name: string): CorpusPage {
  const dir = path.join(PAGES_DIR, name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  const expected = JSON.parse(read("expected.json")) as ExpectedPage;
  const page: CorpusPage = { name, html: read("page.html"), expected };
  if (!expected.notArticle) page.expectedText = read("expected.txt");
  return page;
}

export function loadCorpus(): CorpusPage[] {
  return corpusPageNames().map(loadCorpusPage);
}

/**
 * Per page, the score it must not drop below (scripts/pages-floors.ts writes it):
 * the word F1 for an article, 1 or 0 for a page that is not an article (1: it is
 * refused with NotAnArticle, and must stay refused).
 */
export function readFloors(): Record<string, number> {
  return fs.existsSync(FLOORS_FILE) ? (JSON.parse(fs.readFileSync(FLOORS_FILE, "utf8")) as Record<string, number>) : {};
}
