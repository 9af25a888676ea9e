import { describe, expect, it } from "vitest";
import { searchHref } from "./search-href";

describe("searchHref", () => {
  it("keeps the other parameters, drops the page on a filter change and encodes values", () => {
    const params = { q: "crime fell", kind: "CLAIM", speaker: "Ana & Bo" };
    expect(searchHref(params, { verdict: "FALSE" })).toBe(
      "/search?q=crime+fell&kind=CLAIM&verdict=FALSE&speaker=Ana+%26+Bo",
    );
    expect(searchHref(params, { kind: undefined })).toBe("/search?q=crime+fell&speaker=Ana+%26+Bo");
    expect(searchHref(params, { page: 3 })).toBe("/search?q=crime+fell&kind=CLAIM&speaker=Ana+%26+Bo&page=3");
    expect(searchHref({}, { page: 1 })).toBe("/search");
  });
});
