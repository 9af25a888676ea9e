import { describe, expect, it } from "vitest";
import { hueFor, initials, presenceEntries } from "./presence";

describe("presence", () => {
  it("makes initials from the first and last words", () => {
    expect(initials("Rae Reviewer")).toBe("RR");
    expect(initials("Ana")).toBe("A");
    expect(initials("  maría  josé de la  cruz ")).toBe("MC");
    expect(initials("")).toBe("?");
  });

  it("gives each user a stable hue", () => {
    expect(hueFor("u1")).toBe(hueFor("u1"));
    expect(hueFor("u1")).toBeGreaterThanOrEqual(0);
    expect(hueFor("u1")).toBeLessThan(360);
  });

  it("hides the user themself and names the annotation others look at, when it is on the page", () => {
    const users = [
      { userId: "me", name: "Me", annotationId: null, since: "" },
      { userId: "ana", name: "Ana Alvarez", annotationId: "a2", since: "" },
      { userId: "rae", name: "Rae", annotationId: "gone", since: "" },
    ];
    expect(presenceEntries(users, "me", new Map([["a2", "C2"]]))).toEqual([
      { userId: "ana", name: "Ana Alvarez", initials: "AA", hue: hueFor("ana"), annotationId: "a2", label: "C2" },
      { userId: "rae", name: "Rae", initials: "R", hue: hueFor("rae"), annotationId: null, label: null },
    ]);
  });
});
