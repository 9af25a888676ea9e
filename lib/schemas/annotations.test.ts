import { describe, expect, it } from "vitest";
import { ratingProblem, ZCreateAnnotation, ZUpdateAnnotation } from "./annotations";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("verdict, not-rated reason and remark for readers", () => {
  it("takes a not-rated reason instead of a verdict, never both, and none on analysis (422 naming notRatedReason)", () => {
    expect(ZCreateAnnotation.safeParse({ kind: "CLAIM", start: 0, end: 4, notRatedReason: "No figures were published." }).success).toBe(true);
    expect(paths(ZCreateAnnotation.safeParse({ kind: "CLAIM", start: 0, end: 4, verdict: "FALSE", notRatedReason: "No figures." }))).toEqual(["notRatedReason"]);
    expect(paths(ZCreateAnnotation.safeParse({ kind: "ANALYSIS", start: 0, end: 4, notRatedReason: "No figures." }))).toEqual(["notRatedReason"]);
    expect(ratingProblem({ kind: "DENIAL", verdict: null, notRatedReason: "x" })).toBeNull();
    expect(ratingProblem({ kind: "ANALYSIS", verdict: "TRUE", notRatedReason: null })?.field).toBe("verdict");
  });

  it("bounds the reason and the remark for readers, and a blank one clears it", () => {
    expect(paths(ZUpdateAnnotation.safeParse({ version: 1, notRatedReason: "x".repeat(1001) }))).toEqual(["notRatedReason"]);
    expect(paths(ZUpdateAnnotation.safeParse({ version: 1, publicNote: "x".repeat(2001) }))).toEqual(["publicNote"]);
    expect(ZUpdateAnnotation.parse({ version: 1, publicNote: "  ", notRatedReason: "" })).toMatchObject({ publicNote: null, notRatedReason: null });
  });
});
