import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The "Checked before" quality set (tests/fixtures/claims, CC0): earlier rated
 * claims, posts that repeat them, near-misses that must not match them, and
 * distractors. The split is fixed in the files (dev: tune; held: report only).
 */
export type QualityClaim = {
  id: string;
  split: "dev" | "held" | "none";
  speaker: string;
  verdict: string;
  text: string;
};
/** `implied`: a post that only implies its claim (the hard set's `I` lines). */
export type QualityQuery = { claimId: string; split: "dev" | "held"; text: string; implied?: boolean };
export type QualitySet = { claims: QualityClaim[]; posts: QualityQuery[]; nearMisses: QualityQuery[] };

export const QUALITY_SET_DIR = path.join(process.cwd(), "tests/fixtures/claims");
export const HARD_SET_DIR = path.join(QUALITY_SET_DIR, "hard");
/** Posts written after the method was final, by a writer who never saw it (session 27). */
export const FRESH_SET_DIR = path.join(QUALITY_SET_DIR, "fresh");
/** Long, heavily reworded posts, by another writer who never saw the method or the earlier posts (session 28). */
export const LONG_SET_DIR = path.join(QUALITY_SET_DIR, "long");

/**
 * Reads a folder of the set. `R <id>` (the hard set) says that the lines below repeat a claim of `earlier`
 * (the main set), whose split they take; `I` is a post that only implies its claim.
 */
export function loadQualitySet(dir = QUALITY_SET_DIR, earlier: QualityClaim[] = []): QualitySet {
  const set: QualitySet = { claims: [], posts: [], nearMisses: [] };
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()) {
    let current: QualityClaim | null = null;
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const repeat = /^R (\S+)$/.exec(line);
      if (repeat) {
        current = earlier.find((claim) => claim.id === repeat[1]) ?? null;
        if (!current) throw new Error(`${file}: "${line}" names no claim of the main set`);
        continue;
      }
      const claim = /^C (\S+) (dev|held|none) \| ([^|]*) \| ([A-Z_]+) \| (.+)$/.exec(line);
      if (claim) {
        const [, id, split, speaker, verdict, text] = claim;
        current = { id, split: split as QualityClaim["split"], speaker: speaker.trim(), verdict, text: text.trim() };
        set.claims.push(current);
        continue;
      }
      const query = /^([PIN]) (.+)$/.exec(line);
      if (!query) continue;
      if (!current || current.split === "none") throw new Error(`${file}: "${line}" follows no claim with a split`);
      const item: QualityQuery = { claimId: current.id, split: current.split, text: query[2].trim() };
      if (query[1] === "I") item.implied = true;
      (query[1] === "N" ? set.nearMisses : set.posts).push(item);
    }
  }
  return set;
}
