import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importPlainText } from "./plain-text";

const fixture = path.resolve("../shared/fixtures/seed-article.txt");

describe("importPlainText", () => {
  it("keeps every character and makes one paragraph per blank-line-separated run", () => {
    const { text, blocks } = importPlainText("Title\n\n\nFirst “para”\nstill first\n\n  Second 🚲  \n");
    expect(text).toBe("Title\n\n\nFirst “para”\nstill first\n\n  Second 🚲  \n");
    expect(blocks.map((block) => text.slice(block.start, block.end))).toEqual([
      "Title",
      "First “para”\nstill first",
      "  Second 🚲  ",
    ]);
    expect(blocks.every((block) => block.type === "paragraph")).toBe(true);
  });

  it("unifies Windows and old Mac line endings only", () => {
    expect(importPlainText("a\r\nb\rc").text).toBe("a\nb\nc");
  });

  // ../shared/fixtures sits beside the clone on every developer machine and in CI.
  it("returns the seed article unchanged, curly quotes and all", () => {
    const raw = fs.readFileSync(fixture, "utf8");
    const { text, blocks } = importPlainText(raw);
    expect(text).toBe(raw.replace(/\r\n?/g, "\n"));
    expect(text).toContain("“malicious disinformation”");
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) expect(text.slice(block.start, block.end).trim().length).toBeGreaterThan(0);
  });
});
