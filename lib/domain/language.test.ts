import { describe, expect, it } from "vitest";
import { languageTag, textDirection } from "./language";

describe("textDirection", () => {
  it("is rtl for right-to-left languages and scripts, whatever the case or separator", () => {
    for (const tag of ["ar", "AR-eg", "he", "fa-IR", "ur", "yi", "pa-Arab", "az_Arab_IR", "ckb"])
      expect(textDirection(tag), tag).toBe("rtl");
  });

  it("is ltr for other languages, and auto when the language is not known", () => {
    for (const tag of ["en", "en-GB", "pt-BR", "zh-Hant-TW", "arn"]) expect(textDirection(tag), tag).toBe("ltr");
    expect(textDirection(null)).toBe("auto");
    expect(textDirection("")).toBe("auto");
  });
});

describe("languageTag", () => {
  it("takes tags as pages write them and refuses what is not one", () => {
    expect(languageTag(" en_GB ")).toBe("en-GB");
    expect(languageTag("zh-Hant-TW")).toBe("zh-Hant-TW");
    for (const bad of ["", "english language", "e", "en--GB", "x".repeat(36), "<en>", undefined])
      expect(languageTag(bad), String(bad)).toBeNull();
  });
});
