import { describe, expect, it } from "vitest";
import { withScheme } from "./web-address";

describe("withScheme", () => {
  it.each([
    ["ft.com/content/abc", "https://ft.com/content/abc"],
    ["www.bbc.co.uk/news/x", "https://www.bbc.co.uk/news/x"],
    ["  example.org  ", "https://example.org"],
    ["example.org:8080/a?b=1#c", "https://example.org:8080/a?b=1#c"],
    ["sub-domain.example.co.uk?x", "https://sub-domain.example.co.uk?x"],
    ["//cdn.example.org/story", "https://cdn.example.org/story"],
    ["xn--bcher-kva.example/story", "https://xn--bcher-kva.example/story"],
  ])("puts https:// before a bare domain: %s", (typed, expected) => {
    expect(withScheme(typed)).toBe(expected);
  });

  it.each([
    ["https://ft.com/x"],
    ["http://example.org"],
    ["javascript:alert(1)"],
    ["mailto:desk@example.org"],
    ["ftp://files.example.org/a"],
    ["not a url"],
    ["localhost/story"],
    ["ft"],
    ["-bad.example.org"],
    ["example.123"],
    [""],
  ])("leaves anything else as typed: %s", (typed) => {
    expect(withScheme(typed)).toBe(typed.trim());
  });
});
