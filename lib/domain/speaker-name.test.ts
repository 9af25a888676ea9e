import { describe, expect, it } from "vitest";
import { speakerNameKey, speakerNameMatches, speakerSearchText } from "./speaker-name";

describe("speakerNameKey", () => {
  it("trims, collapses whitespace and folds ASCII case", () => {
    expect(speakerNameKey("  Jane \t Doe\n")).toBe("jane doe");
    expect(speakerNameKey("jane  doe")).toBe(speakerNameKey("Jane Doe"));
    expect(speakerNameKey("  jose  perez ")).toBe("jose perez");
  });

  it("folds only ASCII, as both databases' SQL in the migration does", () => {
    expect(speakerNameKey("José Pérez")).toBe("josé pérez");
    // SQLite's lower() leaves É alone, so the key must too: a different record until merged.
    expect(speakerNameKey("JOSÉ PÉREZ")).toBe("josÉ pÉrez");
    expect(speakerNameKey("JOSÉ PÉREZ")).not.toBe(speakerNameKey("José Pérez"));
  });

  it("keeps non-ASCII spaces as they are (the SQL collapses ASCII whitespace only)", () => {
    expect(speakerNameKey("Jane\u00a0Doe")).toBe("jane\u00a0doe");
  });
});

describe("speakerSearchText and speakerNameMatches", () => {
  it("matches without case or diacritics, on the name's start or a word's start", () => {
    const name = speakerSearchText("JOSÉ PÉREZ");
    expect(name).toBe("jose perez");
    expect(speakerSearchText("  José  Pérez ")).toBe(name);
    expect(speakerNameMatches(name, speakerSearchText("Jos"))).toBe(2);
    expect(speakerNameMatches(name, speakerSearchText("pér"))).toBe(1);
    expect(speakerNameMatches(name, speakerSearchText("erez"))).toBe(0);
    expect(speakerNameMatches(name, "")).toBe(1);
  });
});
