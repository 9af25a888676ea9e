import { describe, expect, it } from "vitest";

import { chooseByline, invertedName, readByline, splitNames } from "./byline";
import { siteNames } from "./site-names";

const site = siteNames(["The Daily Example"], "https://dailyexample.com/a");
const people = (...texts: string[]) =>
  readByline(
    texts.map((text) => ({ text })),
    site,
  ).people;

describe("splitNames", () => {
  it("drops 'By', joins, roles, e-mails and 'Updated' tails", () => {
    expect(splitNames("By Ana Ruiz and Tom Lee | Updated March 3, 2024 at 5:01 pm")).toEqual(["Ana Ruiz", "Tom Lee"]);
    expect(splitNames("Ana Ruiz, Senior Correspondent")).toEqual(["Ana Ruiz", "Senior Correspondent"]);
    expect(splitNames("Words by Ana Ruiz (ana.ruiz@dailyexample.com)")).toEqual(["Ana Ruiz"]);
    expect(splitNames("Ana Ruiz is a senior reporter covering the courts")).toEqual(["Ana Ruiz"]);
    expect(splitNames("Martin Roux (avec Léa Dubois et Paul Girard)")).toEqual([
      "Martin Roux",
      "Léa Dubois",
      "Paul Girard",
    ]);
    expect(splitNames("Par Sébastien Morel")).toEqual(["Sébastien Morel"]);
    expect(splitNames("Written by Ana Ruiz Edited by Tom Lee")).toEqual(["Ana Ruiz"]);
    expect(splitNames("Amy Fenwick For Beacononline")).toEqual(["Amy Fenwick"]);
    expect(splitNames("Organization for Transformative Works")).toEqual(["Organization for Transformative Works"]);
  });
});

describe("readByline", () => {
  it("keeps people and drops roles, boilerplate and the site's own name", () => {
    expect(people("By Ana Ruiz, Senior Correspondent", "Tom Lee Chief White House Correspondent")).toEqual([
      "Ana Ruiz",
      "Tom Lee",
    ]);
    expect(people("Staff", "Staff Reporter", "Daily Example Staff", "News Desk", "The Daily Example")).toEqual([]);
    expect(people("Ana Ruiz, Games Editor")).toEqual(["Ana Ruiz"]);
  });

  it("writes a name set in capitals as a name", () => {
    expect(people("By GILLIAN O'BRIEN-MOHNEY", "Ana McRuiz")).toEqual(["Gillian O'Brien-Mohney", "Ana McRuiz"]);
  });

  it("de-duplicates names case-insensitively, in page order", () => {
    expect(people("Ana Ruiz", "Tom Lee", "ANA RUIZ", "More from Ana Ruiz")).toEqual(["Ana Ruiz", "Tom Lee"]);
  });

  it("drops wire credits and organisations, and keeps an editorial board aside for an editorial", () => {
    expect(readByline([{ text: "By Ana Ruiz, Associated Press" }], site)).toEqual({
      people: ["Ana Ruiz"],
      organisations: [],
    });
    expect(readByline([{ text: "Reuters" }, { text: "Acme Media", organisation: true }], site)).toEqual({
      people: [],
      organisations: [],
    });
    expect(readByline([{ text: "The Editorial Board" }], site).organisations).toEqual(["The Editorial Board"]);
  });

  it("keeps a personal site's author when the page types them as a Person", () => {
    const personal = siteNames(["Ana Ruiz"], "https://anaruiz.dev/post");
    expect(readByline([{ text: "Ana Ruiz" }], personal).people).toEqual([]);
    expect(readByline([{ text: "Ana Ruiz", person: true }], personal).people).toEqual(["Ana Ruiz"]);
    expect(readByline([{ text: "theahura", person: true }], personal).people).toEqual(["theahura"]);
    expect(readByline([{ text: "theahura" }], personal).people).toEqual([]);
  });

  it("rejects link texts, dates and one-word pieces of running byline text", () => {
    const pieces = ["By", "Ana Ruiz", "in", "Kyiv", "March 3, 2024", "Follow", "View Profile", "Join our newsletter"];
    expect(
      readByline(
        pieces.map((text) => ({ text })),
        site,
        { single: false },
      ).people,
    ).toEqual(["Ana Ruiz"]);
  });

  it("reads names without letter case (Arabic, Japanese)", () => {
    expect(people("بقلم سارة خالد".replace("بقلم ", ""), "山田 花子")).toEqual(["سارة خالد", "山田 花子"]);
  });
});

describe("chooseByline", () => {
  it("takes the first source naming people; an organisation only when no one is named", () => {
    const board = { people: [], organisations: ["The Editorial Board"] };
    expect(chooseByline([board, { people: ["Ana Ruiz"], organisations: [] }])).toBe("Ana Ruiz");
    expect(chooseByline([board, { people: [], organisations: [] }])).toBe("The Editorial Board");
    expect(chooseByline([])).toBeUndefined();
  });
});

describe("invertedName", () => {
  it("turns a citation's 'Last, First' around", () => {
    expect(invertedName("Ruiz, Ana")).toBe("Ana Ruiz");
    expect(invertedName("Ana Ruiz")).toBe("Ana Ruiz");
  });
});
