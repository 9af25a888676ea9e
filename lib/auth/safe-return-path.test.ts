import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const ORIGIN = "http://localhost:3000";

describe("safeReturnPath", () => {
  it("keeps a path on this app, with its query and fragment", () => {
    expect(safeReturnPath("/account", ORIGIN)).toBe("/account");
    expect(safeReturnPath("/articles/abc?tab=audit#a1", ORIGIN)).toBe("/articles/abc?tab=audit#a1");
    expect(safeReturnPath("/", ORIGIN)).toBe("/");
    // Encoded, a backslash stays a harmless character of a path on this origin.
    expect(safeReturnPath("/%5Cevil.example", ORIGIN)).toBe("/%5Cevil.example");
  });

  it("accepts an absolute URL of this origin as its path (next-auth passes those), and no other origin", () => {
    expect(safeReturnPath(`${ORIGIN}/review`, ORIGIN)).toBe("/review");
    expect(safeReturnPath(ORIGIN, ORIGIN)).toBe("/");
    expect(safeReturnPath("http://localhost:3001/review", ORIGIN)).toBe("/");
    expect(safeReturnPath(`${ORIGIN}.evil.example/`, ORIGIN)).toBe("/");
    expect(safeReturnPath(`${ORIGIN}@evil.example/`, ORIGIN)).toBe("/");
    // Without a known origin, only paths.
    expect(safeReturnPath(`${ORIGIN}/review`)).toBe("/");
    expect(safeReturnPath("/review")).toBe("/review");
  });

  it.each([
    ["a backslash after the slash", "/\\evil.example"],
    ["a TAB between the slashes", "/\t/evil.example"],
    ["a backslash and a TAB", "/\\\tevil.example"],
    ["a CR or LF between the slashes", "/\r\n/evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a backslash", "\\\\evil.example"],
    ["a leading space", " //evil.example"],
    ["another origin", "https://evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a bare host", "evil.example"],
    ["a path that normalises to //", "/.//evil.example"],
    ["a path that climbs to //", "/a/..//evil.example"],
    ["an empty string", ""],
  ])("refuses %s", (_case, value) => {
    expect(safeReturnPath(value, ORIGIN)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(undefined, ORIGIN)).toBe("/");
    expect(safeReturnPath(["/account"], ORIGIN)).toBe("/");
  });
});
