import { describe, expect, it } from "vitest";

import { fieldMatches } from "./metadata-match";

describe("fieldMatches", () => {
  it("compares titles after whitespace normalization, exactly otherwise", () => {
    expect(fieldMatches("title", { title: "Bridge  to\nclose" }, { title: "Bridge to close" })).toBe(true);
    expect(fieldMatches("title", { title: "Bridge to close | Site" }, { title: "Bridge to close" })).toBe(false);
  });

  it("compares bylines as sets of names, case-insensitively", () => {
    expect(fieldMatches("author", { author: "Tom Lee, ana ruiz" }, { author: "Ana Ruiz, Tom Lee" })).toBe(true);
    expect(fieldMatches("author", { author: "Ana Ruiz" }, { author: "Ana Ruiz, Tom Lee" })).toBe(false);
  });

  it("compares publication dates by calendar day as given", () => {
    expect(
      fieldMatches("publishedAt", { publishedAt: "2026-03-07T11:00:00Z" }, { publishedAt: "2026-03-07T11:00:00.000Z" }),
    ).toBe(true);
    expect(
      fieldMatches("publishedAt", { publishedAt: "2026-03-08" }, { publishedAt: "2026-03-07T23:00:00-05:00" }),
    ).toBe(false);
  });

  it("does not count a field neither side has; one side only is a miss", () => {
    expect(fieldMatches("author", {}, {})).toBeUndefined();
    expect(fieldMatches("author", { author: "Associated Press" }, {})).toBe(false);
    expect(fieldMatches("publisher", {}, { publisher: "V8" })).toBe(false);
  });
});
