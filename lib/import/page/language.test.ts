import { describe, expect, it } from "vitest";

import { normalizeLanguage } from "./language";

describe("normalizeLanguage", () => {
  it("gives canonical BCP 47 tags", () => {
    expect(normalizeLanguage("en_US")).toBe("en-US");
    expect(normalizeLanguage("PT-br")).toBe("pt-BR");
    expect(normalizeLanguage("zh-hant-tw")).toBe("zh-Hant-TW");
    expect(normalizeLanguage(" ar ")).toBe("ar");
    expect(normalizeLanguage("en-US, en")).toBe("en-US");
  });

  it("rejects what is not a language", () => {
    expect(normalizeLanguage("x-default")).toBeUndefined();
    expect(normalizeLanguage("*")).toBeUndefined();
    expect(normalizeLanguage("")).toBeUndefined();
    expect(normalizeLanguage(undefined)).toBeUndefined();
    expect(normalizeLanguage("english!")).toBeUndefined();
  });
});
