import { describe, expect, it } from "vitest";
import { ZAddSource, ZUpdateSource } from "./annotations";

// A source URL typed without its scheme, as copied from an address bar or a printed page, becomes https://…;
// other schemes and junk are still refused on the field, in a sentence saying what to type.
describe("source URLs", () => {
  it("put https:// before a bare domain, in the URL and the archive URL", () => {
    expect(ZAddSource.parse({ url: "ft.com/content/abc", archiveUrl: "web.archive.org/web/2026/ft.com" })).toMatchObject({
      url: "https://ft.com/content/abc",
      archiveUrl: "https://web.archive.org/web/2026/ft.com",
    });
    expect(ZUpdateSource.parse({ url: " www.bbc.co.uk/news/x " }).url).toBe("https://www.bbc.co.uk/news/x");
    expect(ZAddSource.parse({ url: "http://example.org/a" }).url).toBe("http://example.org/a");
  });

  it.each(["javascript:alert(1)", "mailto:desk@example.org", "ftp://files.example.org/a", "not a url", "ft"])("refuse %s naming the field", (url) => {
    const result = ZAddSource.safeParse({ url });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["url"], message: "must be a web address starting with http:// or https://, such as https://www.example.com/story" })]);
  });
});
