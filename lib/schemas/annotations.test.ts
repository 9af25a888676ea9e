import { describe, expect, it } from "vitest";
import { ratingProblem, ZAddSource, ZCreateAnnotation, ZUpdateAnnotation, ZUpdateSource } from "./annotations";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("verdict, not-rated reason and remark for readers", () => {
  it("takes a not-rated reason instead of a verdict, never both, and none on analysis (422 naming notRatedReason)", () => {
    expect(
      ZCreateAnnotation.safeParse({ kind: "CLAIM", start: 0, end: 4, notRatedReason: "No figures were published." })
        .success,
    ).toBe(true);
    expect(
      paths(
        ZCreateAnnotation.safeParse({
          kind: "CLAIM",
          start: 0,
          end: 4,
          verdict: "FALSE",
          notRatedReason: "No figures.",
        }),
      ),
    ).toEqual(["notRatedReason"]);
    expect(
      paths(ZCreateAnnotation.safeParse({ kind: "ANALYSIS", start: 0, end: 4, notRatedReason: "No figures." })),
    ).toEqual(["notRatedReason"]);
    expect(ratingProblem({ kind: "DENIAL", verdict: null, notRatedReason: "x" })).toBeNull();
    expect(ratingProblem({ kind: "ANALYSIS", verdict: "TRUE", notRatedReason: null })?.field).toBe("verdict");
  });

  it("bounds the reason and the remark for readers, and a blank one clears it", () => {
    expect(paths(ZUpdateAnnotation.safeParse({ version: 1, notRatedReason: "x".repeat(1001) }))).toEqual([
      "notRatedReason",
    ]);
    expect(paths(ZUpdateAnnotation.safeParse({ version: 1, publicNote: "x".repeat(2001) }))).toEqual(["publicNote"]);
    expect(ZUpdateAnnotation.parse({ version: 1, publicNote: "  ", notRatedReason: "" })).toMatchObject({
      publicNote: null,
      notRatedReason: null,
    });
  });
});

// A source URL typed without its scheme, as copied from an address bar or a printed page, becomes https://…;
// other schemes and junk are still refused on the field, in a sentence saying what to type.
describe("source URLs", () => {
  it("put https:// before a bare domain, in the URL and the archive URL", () => {
    expect(
      ZAddSource.parse({ url: "ft.com/content/abc", archiveUrl: "web.archive.org/web/2026/ft.com" }),
    ).toMatchObject({
      url: "https://ft.com/content/abc",
      archiveUrl: "https://web.archive.org/web/2026/ft.com",
    });
    expect(ZUpdateSource.parse({ url: " www.bbc.co.uk/news/x " }).url).toBe("https://www.bbc.co.uk/news/x");
    expect(ZAddSource.parse({ url: "http://example.org/a" }).url).toBe("http://example.org/a");
  });

  it.each(["javascript:alert(1)", "mailto:desk@example.org", "ftp://files.example.org/a", "not a url", "ft"])(
    "refuse %s naming the field",
    (url) => {
      const result = ZAddSource.safeParse({ url });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: ["url"],
          message: "must be a web address starting with http:// or https://, such as https://www.example.com/story",
        }),
      ]);
    },
  );
});
