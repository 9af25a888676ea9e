import { describe, expect, it } from "vitest";
import { isAppId, jsonProblem, MAX_JSON_DEPTH, pageNumber, queryProblem, textProblem } from "./input-guard";

const nested = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels));

describe("textProblem", () => {
  it("accepts any Unicode text, surrogate pairs (emoji) included", () => {
    for (const text of [
      "",
      "plain",
      "“curly” — dash",
      "😀 emoji",
      "\ud83d\ude00",
      "tab\tnewline\n",
      "\u0001\u007f\ufffd",
    ])
      expect(textProblem(text)).toBeNull();
  });
  it("refuses NUL and lone surrogates, high or low, anywhere", () => {
    for (const text of ["\u0000", "a\u0000b"]) expect(textProblem(text)).toMatch(/NUL/);
    for (const text of ["\ud800", "a\ud800b", "\udfff", "x\udc00", "\ude00\ud83d", "😀\ud800"])
      expect(textProblem(text)).toMatch(/lone UTF-16 surrogate/);
  });
});

describe("jsonProblem", () => {
  it("lets the deepest real bodies through (a W3C import nests 6 levels) and the limit itself", () => {
    const w3c = {
      type: "AnnotationCollection",
      first: { items: [{ target: { selector: [{ type: "TextQuoteSelector", refinedBy: { exact: "x" } }] } }] },
    };
    expect(jsonProblem(w3c)).toBeNull();
    expect(jsonProblem(nested(MAX_JSON_DEPTH))).toBeNull();
  });
  it("names the body when it nests deeper than the limit, however deep, without overflowing", () => {
    for (const levels of [MAX_JSON_DEPTH + 1, 5_000, 200_000])
      expect(jsonProblem(nested(levels))).toEqual({ path: "", message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
    expect(jsonProblem(JSON.parse('{"a":'.repeat(40) + "1" + "}".repeat(40)))).toMatchObject({ path: "" });
  });
  it("names the first string value with NUL or a lone surrogate by its dotted path", () => {
    expect(jsonProblem({ title: "ok", sources: [{ url: "https://example.org" }, { title: "a\u0000b" }] })).toEqual({
      path: "sources.1.title",
      message: expect.stringMatching(/NUL/),
    });
    expect(jsonProblem({ a: "\ud800", b: "\u0000" })).toEqual({
      path: "a",
      message: expect.stringMatching(/surrogate/),
    });
    expect(jsonProblem(["fine", ["\udfff"]])).toMatchObject({ path: "1.0" });
    expect(jsonProblem("\u0000")).toMatchObject({ path: "" });
  });
  it("names a key with NUL or a lone surrogate, written as its JSON escape", () => {
    expect(jsonProblem({ note: { "x\u0000": 1 } })).toEqual({
      path: "note.x\\u0000",
      message: expect.stringMatching(/^has a name that .*NUL/),
    });
    expect(jsonProblem({ "\ud800": 1 })).toMatchObject({ path: "\\ud800" });
  });
  it("passes numbers, booleans, null and empty containers", () => {
    expect(jsonProblem({ a: 1e308, b: -0, c: true, d: null, e: [], f: {} })).toBeNull();
  });
});

describe("queryProblem", () => {
  const query = (search: string) => new URL(`http://localhost/x${search}`).searchParams;
  it("passes ordinary queries, + and percent-encoded UTF-8", () => {
    for (const search of [
      "",
      "?",
      "?format=w3c",
      "?q=crime+fell&page=2",
      "?q=%E2%80%9Cquote%E2%80%9D",
      "?q=%F0%9F%98%80",
      "?flag",
      "?a=b=c",
      "?&&x=1",
    ])
      expect(queryProblem(query(search))).toBeNull();
  });
  it("names the parameter whose value or name holds NUL", () => {
    expect(queryProblem(query("?format=w3c&q=a%00b"))).toEqual({ path: "q", message: expect.stringMatching(/NUL/) });
    expect(queryProblem(query("?version%00=1"))).toEqual({
      path: "version\\u0000",
      message: expect.stringMatching(/^has a name that .*NUL/),
    });
  });
});

describe("isAppId", () => {
  it("accepts Prisma's cuid ids only", () => {
    expect(isAppId("cmx398ied000ija7deomy0r5o")).toBe(true);
    for (const id of [
      "",
      "nope",
      "no-such-annotation",
      "Cmx398ied000ija7deomy0r5o",
      "cmx398ied000ija7deomy0r5",
      "cmx398ied000ija7deomy0r5oo",
      "cmx398ied000ija7deomy0r5\u0000",
      "cmx398ied000ija7deomy0r-o",
      "1",
    ]) {
      expect(isAppId(id), id).toBe(false);
    }
  });
});

describe("pageNumber", () => {
  it("takes a whole page number, and falls back to 1 for anything else, however large", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber("2abc")).toBe(2);
    for (const raw of [undefined, "", "0", "-2", "abc", "NaN", "99999999999999999999", "1e309"])
      expect(pageNumber(raw), String(raw)).toBe(1);
  });
});
